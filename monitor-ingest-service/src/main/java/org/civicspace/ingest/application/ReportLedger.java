package org.civicspace.ingest.application;

import java.time.Instant;

import reactor.core.publisher.Mono;

/** Remembers which reports were accepted, so that a resubmission is recognised. */
public interface ReportLedger {

    Mono<Boolean> contains(String reportId);

    /** Records an accepted report; recording the same id twice is not an error. */
    Mono<Void> record(String reportId, String submittedBy, Instant receivedAt);
}
