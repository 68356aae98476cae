package org.civicspace.classification.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import org.civicspace.classification.domain.Classifier;
import org.civicspace.classification.domain.Document;
import org.civicspace.events.Classification;
import org.civicspace.events.Report;
import org.civicspace.events.ReportClassified;
import org.civicspace.events.ReportReceived;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Classifies received reports, and texts on demand. */
@Service
public class ClassifyReportUseCase {

    private final Classifier classifier;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer duration;

    ClassifyReportUseCase(Classifier classifier, Clock clock, MeterRegistry meters) {
        this.classifier = classifier;
        this.clock = clock;
        this.meters = meters;
        this.duration = Timer.builder("civicspace.classification.duration").register(meters);
    }

    /**
     * The classified report. Its event id derives from the report id and the classifier's
     * version, so a redelivered report yields the same event, not a second one.
     */
    public ReportClassified classify(ReportReceived received) {
        Report report = received.report();
        Classification classification = duration.record(() -> classifier.classify(
                new Document(report.title(), report.text(), report.language(), report.hints())));
        meters.counter("civicspace.classification.reports.classified",
                "language", classification.language(), "outcome", classification.urgency().wireName()).increment();
        UUID eventId = UUID.nameUUIDFromBytes(("classified:" + received.reportId() + ":" + Classifier.VERSION)
                .getBytes(StandardCharsets.UTF_8));
        return new ReportClassified(eventId, clock.instant(), received.reportId(), received.sensitivity(),
                received.source(), report, received.duplicateOf(), classification);
    }

    /** Classifies a text now, without storing or publishing anything. */
    public Classification classify(Document document) {
        return duration.record(() -> classifier.classify(document));
    }
}
