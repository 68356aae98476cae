package org.civicspace.export.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civicspace.events.Freedom;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.SourceKind;
import org.civicspace.events.Urgency;
import org.junit.jupiter.api.Test;

class MonthlyCountTest {

    @Test
    void countsAReportAndItsNearDuplicatesOncePerFreedom() {
        List<IndexEntry> entries = List.of(
                entry("r-1", null, "2026-10-03T00:00:00Z", Freedom.PEACEFUL_ASSEMBLY, Freedom.EXPRESSION),
                entry("r-2", "r-1", "2026-10-04T00:00:00Z", Freedom.PEACEFUL_ASSEMBLY),
                entry("r-3", "r-1", "2026-10-05T00:00:00Z", Freedom.PEACEFUL_ASSEMBLY),
                entry("r-4", null, "2026-10-20T00:00:00Z", Freedom.ASSOCIATION),
                entry("r-5", null, "2026-12-01T00:00:00Z", Freedom.EXPRESSION));

        List<MonthlyCount> counts = MonthlyCount.of(entries,
                List.of(YearMonth.of(2026, 10), YearMonth.of(2026, 11), YearMonth.of(2026, 12)));

        assertThat(counts).containsExactly(
                new MonthlyCount(YearMonth.of(2026, 10), 2,
                        Map.of(Freedom.ASSOCIATION, 1, Freedom.PEACEFUL_ASSEMBLY, 1, Freedom.EXPRESSION, 1)),
                new MonthlyCount(YearMonth.of(2026, 11), 0, Map.of()),
                new MonthlyCount(YearMonth.of(2026, 12), 1, Map.of(Freedom.EXPRESSION, 1)));
        assertThat(counts.get(1).byFreedom()).containsEntry(Freedom.ASSOCIATION, 0).hasSize(3);
    }

    static IndexEntry entry(String id, String duplicateOf, String at, Freedom... freedoms) {
        return new IndexEntry(id, Instant.parse(at), List.of("KZ"), Set.of(freedoms), Set.of(), Urgency.ROUTINE,
                Sensitivity.CONFIDENTIAL, SourceKind.PARTNER, "p", duplicateOf);
    }
}
