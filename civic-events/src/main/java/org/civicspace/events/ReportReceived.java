package org.civicspace.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A report entered the system. Keyed by {@code reportId}, which is stable: the same feed item
 * or partner submission always has the same id. {@code duplicateOf} names the first report of
 * the same story, when ingest recognised this one as a near-duplicate.
 */
public record ReportReceived(
        UUID eventId,
        Instant occurredAt,
        String reportId,
        Sensitivity sensitivity,
        Source source,
        Report report,
        String duplicateOf) {
}
