package org.civicspace.ingest.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.civicspace.events.ReportReceived;
import org.civicspace.events.Source;
import org.civicspace.ingest.domain.PartnerSubmission;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Publishes first and records second: a crash in between means a second publication on retry,
 * which every consumer absorbs (they are idempotent by report id), never a lost report. A report
 * that retells (or repeats word for word) one seen before within its sensitivity is marked
 * {@code duplicateOf} that story's first report, never dropped: a partner's report carries its own
 * sources, persons and sensitivity.
 */
@Service
class ReportSubmissionService implements SubmitReportUseCase {

    private final ReportLedger ledger;
    private final ReportPublisher publisher;
    private final DuplicateCheck duplicates;
    private final Clock clock;
    private final MeterRegistry meters;

    ReportSubmissionService(ReportLedger ledger, ReportPublisher publisher, DuplicateCheck duplicates, Clock clock,
            MeterRegistry meters) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.duplicates = duplicates;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public Mono<SubmittedReport> submit(PartnerSubmission submission) {
        String reportId = submission.reportId();
        return ledger.contains(reportId).flatMap(known -> {
            if (known) {
                meters.counter("civicspace.ingest.reports.received", "source", "partner", "outcome", "duplicate")
                        .increment();
                return Mono.just(new SubmittedReport(reportId, false));
            }
            Instant at = clock.instant();
            return duplicates.checkPartnerReport(reportId, submission.report().title(), submission.report().text(),
                            submission.sensitivity(), at)
                    .flatMap(verdict -> publish(submission, reportId, verdict.duplicateOf(), at));
        });
    }

    private Mono<SubmittedReport> publish(PartnerSubmission submission, String reportId, String duplicateOf, Instant at) {
        ReportReceived event = new ReportReceived(UUID.randomUUID(), at, reportId, submission.sensitivity(),
                Source.partner(submission.partner()), submission.report(), duplicateOf);
        return publisher.publish(event)
                .then(ledger.record(reportId, submission.partner(), at))
                .doOnSuccess(done -> meters.counter("civicspace.ingest.reports.received",
                        "source", "partner", "outcome", "accepted").increment())
                .thenReturn(new SubmittedReport(reportId, true));
    }
}
