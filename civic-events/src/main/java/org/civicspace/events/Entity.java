package org.civicspace.events;

import java.util.List;

/**
 * A person, organisation or place the classifier found in a report, with the spans that name it.
 * {@code name} is the name as written (one spelling; consumers fold spellings themselves). A
 * person's name is as sensitive as the report: it is never logged, and a consumer shows a
 * {@code protected} person (see {@link Report#persons()}) only by a pseudonym.
 */
public record Entity(EntityKind kind, String name, List<Evidence> evidence) {

    public Entity {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
