package org.civicspace.ingest.application;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

import reactor.core.publisher.Mono;

/** Remembers which reports were accepted, so that a resubmission is recognised. */
public interface ReportLedger {

    Mono<Boolean> contains(String reportId);

    /** Which of these reports were accepted before: one look-up for a whole feed's items. */
    Mono<Set<String>> known(Collection<String> reportIds);

    /** Records an accepted report; recording the same id twice is not an error. */
    Mono<Void> record(String reportId, String submittedBy, Instant receivedAt);

    /** Records many reports in one write; ids recorded before are left as they were. */
    Mono<Void> recordAll(Collection<String> reportIds, String submittedBy, Instant receivedAt);
}
