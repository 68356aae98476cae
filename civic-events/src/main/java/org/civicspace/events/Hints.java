package org.civicspace.events;

import java.util.Set;

/** What the submitter declares about a report: its country (ISO 3166-1 alpha-2) and freedoms. */
public record Hints(String country, Set<Freedom> freedoms) {

    public Hints {
        freedoms = EnumSets.ordered(freedoms);
    }
}
