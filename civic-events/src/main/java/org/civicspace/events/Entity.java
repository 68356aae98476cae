package org.civicspace.events;

import java.util.List;

/**
 * A person, organisation or place the classifier found in a report, with the spans that name it.
 * For a person or an organisation {@code name} is the name as first written (one spelling, maybe
 * in a case form: consumers fold spellings themselves); for a place it is the gazetteer's name
 * (Almaty for «Алматы» and "Alma-Ata" alike), the words as written being in the evidence. A
 * person's name is as sensitive as the report: it is never logged, and a consumer shows a
 * {@code protected} person (see {@link Report#persons()}) only by a pseudonym.
 */
public record Entity(EntityKind kind, String name, List<Evidence> evidence) {

    public Entity {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
