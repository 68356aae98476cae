package org.civicspace.events;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A taxonomy value with a stable lower-case wire name, as it appears in JSON and in URLs. */
public interface WireName {

    /** The name on the wire, e.g. {@code peaceful_assembly}. */
    String wireName();

    /** Finds the constant of {@code type} with this wire name, or explains which names exist. */
    static <E extends Enum<E> & WireName> E parse(Class<E> type, String wire) {
        for (E value : type.getEnumConstants()) {
            if (value.wireName().equals(wire)) {
                return value;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(WireName::wireName)
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException("'" + wire + "' is not one of: " + allowed);
    }
}
