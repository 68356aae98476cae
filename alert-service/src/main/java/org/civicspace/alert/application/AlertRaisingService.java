package org.civicspace.alert.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.civicspace.alert.application.urgent.UrgentActionService;
import org.civicspace.alert.domain.Alert;
import org.civicspace.alert.domain.Subscription;
import org.civicspace.alert.domain.incident.Incident;
import org.civicspace.alert.domain.incident.IncidentStatus;
import org.civicspace.events.Classification;
import org.civicspace.events.ReportClassified;
import org.civicspace.events.Urgency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * A report goes into its incident; the incident, not the report, raises one alert per matching
 * subscription and updates it afterwards. Each alert event is stored first, then published,
 * then marked published, then pushed (at once or held for the digest): a crash anywhere is
 * repaired by the redelivered report, which finds the incident and the alert as they were left
 * and does only what is not yet done. An urgent incident also opens its urgent action.
 */
@Service
class AlertRaisingService implements RaiseAlertsUseCase {

    private static final Logger log = LoggerFactory.getLogger(AlertRaisingService.class);

    private final IncidentService incidents;
    private final SubscriptionStore subscriptions;
    private final AlertStore alerts;
    private final AlertPublisher publisher;
    private final AlertNotifications notifications;
    private final UrgentActionService urgentActions;
    private final Clock clock;
    private final MeterRegistry meters;

    AlertRaisingService(IncidentService incidents, SubscriptionStore subscriptions, AlertStore alerts,
            AlertPublisher publisher, AlertNotifications notifications,
            UrgentActionService urgentActions, Clock clock, MeterRegistry meters) {
        this.incidents = incidents;
        this.subscriptions = subscriptions;
        this.alerts = alerts;
        this.publisher = publisher;
        this.notifications = notifications;
        this.urgentActions = urgentActions;
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
        return incidents.record(report)
                .flatMap(incident -> subscriptions.covering(incident.country())
                        .concatMap(subscription -> raiseOrUpdate(incident, report.reportId(), subscription))
                        .then(urgentActions.consider(incident)));
    }

    private Mono<StoredAlert> raiseOrUpdate(Incident incident, String reportId, Subscription subscription) {
        String alertId = Alert.idOf(incident.id(), subscription.id());
        Instant now = clock.instant();
        return alerts.find(alertId)
                .flatMap(existing -> {
                    Alert next = existing.alert().updatedBy(incident, reportId, subscription, UUID.randomUUID(), now);
                    return next == existing.alert() ? Mono.just(existing)
                            : alerts.update(next, next.revision() > existing.alert().revision())
                                    .doOnNext(updated -> count("civicspace.alert.alerts.updated", updated));
                })
                .switchIfEmpty(Mono.defer(() -> raise(incident, reportId, subscription, now)))
                .flatMap(stored -> stored.published() ? Mono.just(stored) : publish(stored))
                .flatMap(stored -> notifications.push(stored, subscription));
    }

    /** A new alert only for an open incident that matches: a resolution alone is no news to a newcomer. */
    private Mono<StoredAlert> raise(Incident incident, String reportId, Subscription subscription, Instant now) {
        if (incident.status() != IncidentStatus.OPEN || !subscription.matches(incident.country(), incident.urgency(),
                incident.freedoms(), incident.violationTypes())) {
            return Mono.empty();
        }
        Alert alert = Alert.about(incident, reportId, subscription, UUID.randomUUID(), now, 1);
        return alerts.insertNew(alert)
                .doOnNext(stored -> count("civicspace.alert.alerts.raised", stored))
                .switchIfEmpty(Mono.defer(() -> alerts.find(alert.id())));
    }

    private Mono<StoredAlert> publish(StoredAlert stored) {
        // stored before it is sent, so a stream that hears of it live and a replay from the store agree;
        // every instance's live feed hears of it from the topic
        return publisher.publish(stored.alert().toEvent(), stored.seq())
                .then(alerts.markPublished(stored.alert().id(), stored.alert().revision()))
                .thenReturn(stored);
    }

    private void count(String meter, StoredAlert stored) {
        // ids only: the report's title, text and names never reach a log line
        log.debug("alert {} revision {} stored with seq {}", stored.alert().id(), stored.alert().revision(),
                stored.seq());
        meters.counter(meter,
                "urgency", stored.alert().urgency().wireName(),
                "sensitivity", stored.alert().sensitivity().wireName()).increment();
    }
}
