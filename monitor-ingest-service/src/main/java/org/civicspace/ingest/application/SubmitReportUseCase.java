package org.civicspace.ingest.application;

import org.civicspace.ingest.domain.PartnerSubmission;

import reactor.core.publisher.Mono;

/** Accepts a partner's report into the system, once. */
public interface SubmitReportUseCase {

    /** Publishes the report unless it is already known; either way answers with its id. */
    Mono<SubmittedReport> submit(PartnerSubmission submission);

    /** The outcome: the report's id, and whether this submission was the first. */
    record SubmittedReport(String reportId, boolean firstSubmission) {
    }
}
