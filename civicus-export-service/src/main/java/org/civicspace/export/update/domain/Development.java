package org.civicspace.export.update.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.civicspace.events.ViolationType;

/**
 * One development of a section: one incident however many sources told of it. {@code id} is
 * stable (the incident's id, or the report's for a report in no incident) so an edit to its
 * {@code text} survives; {@code footnotes} are the numbers of its sources in the update's
 * {@link Footnote} list.
 */
public record Development(
        String id,
        LocalDate date,
        String text,
        Set<ViolationType> violationTypes,
        List<Integer> footnotes) {

    public Development {
        violationTypes = violationTypes == null ? Set.of() : Set.copyOf(violationTypes);
        footnotes = footnotes == null ? List.of() : List.copyOf(footnotes);
    }
}
