package org.civicspace.export.update.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.civicspace.events.CivicusRating;
import org.civicspace.export.domain.MonthlyCount;

/**
 * One version of a country update, as an editor reads, edits and exports it: a headline, an
 * introduction, the three sections (association, peaceful assembly, expression) with their
 * developments in date order, and the sources as numbered footnotes. Every text in it is plain
 * text — a renderer escapes it for its format; nothing here is markup.
 *
 * <p>Protected persons already appear by their pseudonyms and confidential reports are already
 * left out when a document is built; restricted sources are in it only when {@code internal}.
 * {@code chart} holds the period's monthly counts per freedom. {@code version} grows with each
 * edit; {@code editedBy}/{@code editedAt} say who made this version and when.
 */
public record UpdateDocument(
        String id,
        String country,
        String countryName,
        LocalDate from,
        LocalDate to,
        CivicusRating rating,
        UpdateStatus status,
        int version,
        boolean internal,
        String headline,
        String introduction,
        List<UpdateSection> sections,
        List<Footnote> footnotes,
        List<MonthlyCount> chart,
        String editedBy,
        Instant editedAt) {

    public UpdateDocument {
        sections = sections == null ? List.of() : List.copyOf(sections);
        footnotes = footnotes == null ? List.of() : List.copyOf(footnotes);
        chart = chart == null ? List.of() : List.copyOf(chart);
    }
}
