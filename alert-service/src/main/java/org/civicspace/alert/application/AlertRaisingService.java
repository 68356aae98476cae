package org.civicspace.alert.application;

import java.time.Clock;
import java.util.UUID;

import org.civicspace.alert.domain.Alert;
import org.civicspace.events.Classification;
import org.civicspace.events.ReportClassified;
import org.civicspace.events.Urgency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Stores first, then publishes, then marks published. A crash between publishing and marking
 * publishes the alert again on redelivery (consumers of AlertRaised see the same eventId and
 * alertId); a crash anywhere else neither loses nor doubles an alert, because the alert's id is
 * derived from the report and the subscription and is stored once.
 */
@Service
class AlertRaisingService implements RaiseAlertsUseCase {

    private static final Logger log = LoggerFactory.getLogger(AlertRaisingService.class);

    private final SubscriptionStore subscriptions;
    private final AlertStore alerts;
    private final AlertPublisher publisher;
    private final LiveAlerts live;
    private final Clock clock;
    private final MeterRegistry meters;

    AlertRaisingService(SubscriptionStore subscriptions, AlertStore alerts, AlertPublisher publisher,
            LiveAlerts live, Clock clock, MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.alerts = alerts;
        this.publisher = publisher;
        this.live = live;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public Mono<Void> raiseAlerts(ReportClassified report) {
        if (report == null || report.reportId() == null || report.classification() == null) {
            return Mono.error(new IllegalArgumentException("a ReportClassified needs a reportId and a classification"));
        }
        Classification classification = report.classification();
        if (classification.urgency() == null || classification.urgency() == Urgency.NOT_RELEVANT
                || classification.country() == null) {
            return Mono.empty();
        }
        return subscriptions.covering(classification.country())
                .filter(subscription -> subscription.matches(classification))
                .concatMap(subscription -> raise(Alert.raise(report, subscription, UUID.randomUUID(),
                        clock.instant())))
                .then();
    }

    private Mono<StoredAlert> raise(Alert alert) {
        return alerts.insertNew(alert)
                .doOnNext(this::count)
                .switchIfEmpty(Mono.defer(() -> alerts.find(alert.id())))
                .flatMap(stored -> stored.published() ? Mono.just(stored) : publish(stored));
    }

    private Mono<StoredAlert> publish(StoredAlert stored) {
        return publisher.publish(stored.alert().toEvent())
                .then(alerts.markPublished(stored.alert().id()))
                // live listeners hear of an alert only once it is durable, so a replay agrees with them
                .then(Mono.fromRunnable(() -> live.emit(stored)))
                .thenReturn(stored);
    }

    private void count(StoredAlert stored) {
        // ids only: the report's title, text and names never reach a log line
        log.debug("alert {} raised with seq {}", stored.alert().id(), stored.seq());
        meters.counter("civicspace.alert.alerts.raised",
                "urgency", stored.alert().urgency().wireName(),
                "sensitivity", stored.alert().sensitivity().wireName()).increment();
    }
}
