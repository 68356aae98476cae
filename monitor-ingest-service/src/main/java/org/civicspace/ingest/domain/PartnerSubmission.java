package org.civicspace.ingest.domain;

import java.util.Objects;

import org.civicspace.events.Report;
import org.civicspace.events.Sensitivity;

/** A report a partner submitted: what it says, how sensitive it is, and who sent it. */
public record PartnerSubmission(String partner, Sensitivity sensitivity, Report report) {

    public PartnerSubmission {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(report, "report");
        sensitivity = sensitivity == null ? Sensitivity.PUBLIC : sensitivity;
    }

    /**
     * The report's stable id. A partner's own reference identifies a report on its own: the
     * same reference resubmitted (even corrected) is the same report. Without one, the content
     * identifies it, so an identical resubmission is still recognised.
     */
    public String reportId() {
        String reference = report.partnerReference();
        if (reference != null && !reference.isBlank()) {
            return ReportIds.of("partner", partner, reference.strip());
        }
        return ReportIds.of("content", partner, report.title(), report.text(),
                String.valueOf(report.occurredAt()));
    }
}
