package org.civicspace.ingest.application;

import java.time.Clock;
import java.util.UUID;

import org.civicspace.events.ReportReceived;
import org.civicspace.events.Source;
import org.civicspace.ingest.domain.PartnerSubmission;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Publishes first and records second: a crash in between means a second publication on retry,
 * which every consumer absorbs (they are idempotent by report id), never a lost report.
 */
@Service
class ReportSubmissionService implements SubmitReportUseCase {

    private final ReportLedger ledger;
    private final ReportPublisher publisher;
    private final Clock clock;
    private final MeterRegistry meters;

    ReportSubmissionService(ReportLedger ledger, ReportPublisher publisher, Clock clock, MeterRegistry meters) {
        this.ledger = ledger;
        this.publisher = publisher;
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
            ReportReceived event = new ReportReceived(UUID.randomUUID(), clock.instant(), reportId,
                    submission.sensitivity(), Source.partner(submission.partner()), submission.report(), null);
            return publisher.publish(event)
                    .then(ledger.record(reportId, submission.partner(), event.occurredAt()))
                    .doOnSuccess(done -> meters.counter("civicspace.ingest.reports.received",
                            "source", "partner", "outcome", "accepted").increment())
                    .thenReturn(new SubmittedReport(reportId, true));
        });
    }
}
