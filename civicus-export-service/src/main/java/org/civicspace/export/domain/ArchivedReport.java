package org.civicspace.export.domain;

import java.time.Instant;

import org.civicspace.events.Classification;
import org.civicspace.events.Report;
import org.civicspace.events.ReportClassified;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Source;

/**
 * A classified report as the archive keeps it, one per report id. {@code archivedAt} is when
 * the archive first saw the report; a redelivery or a later classification does not move it.
 */
public record ArchivedReport(
        String id,
        Sensitivity sensitivity,
        Source source,
        Report report,
        Classification classification,
        String duplicateOf,
        Instant archivedAt) {

    /**
     * The archive entry for an event, refusing one that lacks what the archive relies on: an
     * event without a sensitivity must not be guessed to be public.
     */
    public static ArchivedReport from(ReportClassified event, Instant archivedAt) {
        if (event == null) {
            throw new IllegalArgumentException("no ReportClassified to archive");
        }
        require(event.reportId(), "reportId");
        require(event.sensitivity(), "sensitivity");
        require(event.source(), "source");
        require(event.report(), "report");
        require(event.classification(), "classification");
        return new ArchivedReport(event.reportId(), event.sensitivity(), event.source(), event.report(),
                event.classification(), event.duplicateOf(), archivedAt);
    }

    /** Whether reading this report must be written to the audit log (restricted and confidential). */
    public boolean readsAreAudited() {
        return sensitivity != Sensitivity.PUBLIC;
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("ReportClassified without " + field + " cannot be archived");
        }
    }
}
