package org.civicspace.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A report was classified. Keyed by {@code classification.country()}, so that one country's
 * reports stay in order on one partition. Carries the report itself, so consumers need no
 * look-up; its {@code sensitivity} decides what any output may show of it.
 */
public record ReportClassified(
        UUID eventId,
        Instant occurredAt,
        String reportId,
        Sensitivity sensitivity,
        Source source,
        Report report,
        String duplicateOf,
        Classification classification) {
}
