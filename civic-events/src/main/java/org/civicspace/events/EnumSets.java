package org.civicspace.events;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Immutable enum sets in declaration order, so the same event always serialises the same way. */
final class EnumSets {

    private EnumSets() {
    }

    static <E extends Enum<E>> Set<E> ordered(Set<E> values) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(values));
    }
}
