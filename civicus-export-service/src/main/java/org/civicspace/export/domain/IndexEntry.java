package org.civicspace.export.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.civicspace.events.Classification;
import org.civicspace.events.Freedom;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.SourceKind;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;

/**
 * What search and counting need to know of an archived report, without its words: enough to
 * filter, sort, decide visibility and count near-duplicates once.
 *
 * @param at the report's date: when the reported event happened, else when it was archived
 * @param countries the primary country first, then the others the report concerns
 */
public record IndexEntry(String id, Instant at, List<String> countries, Set<Freedom> freedoms,
        Set<ViolationType> violations, Urgency urgency, Sensitivity sensitivity, SourceKind sourceKind,
        String submittedBy, String duplicateOf) {

    public IndexEntry {
        countries = countries == null ? List.of() : List.copyOf(countries);
        freedoms = freedoms == null ? Set.of() : Set.copyOf(freedoms);
        violations = violations == null ? Set.of() : Set.copyOf(violations);
    }

    /** The entry of an archived report. */
    public static IndexEntry of(ArchivedReport report) {
        Classification classification = report.classification();
        Set<String> countries = new LinkedHashSet<>();
        if (classification.country() != null) {
            countries.add(classification.country());
        }
        countries.addAll(classification.otherCountries());
        // millisecond precision, as the store keeps it, so that a redelivery compares equal
        Instant at = (report.report().occurredAt() != null ? report.report().occurredAt() : report.archivedAt())
                .truncatedTo(ChronoUnit.MILLIS);
        return new IndexEntry(report.id(), at, new ArrayList<>(countries), classification.freedoms(),
                classification.violationTypes(), classification.urgency(), report.sensitivity(),
                report.source().kind(), report.source().submittedBy(), report.duplicateOf());
    }

    /** The month (UTC) the report is filed under in the index. */
    public YearMonth month() {
        return YearMonth.from(at.atOffset(ZoneOffset.UTC));
    }

    /** The report that stands for this one when counting: the one it duplicates, else itself. */
    public String countedAs() {
        return duplicateOf != null ? duplicateOf : id;
    }
}
