package org.civicspace.alert.application;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import org.civicspace.alert.domain.Alert;
import org.civicspace.alert.domain.Channel;
import org.civicspace.alert.domain.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The daily digest: one notification per subscriber and day, listing every alert they did not
 * get at once (a daily subscription, or over budget). Alerts are put in the day's digest first,
 * then the digest is built from what is in it: a second run for the same day builds the same
 * notification under the same key ({@code digest:<subscriber>:<day>}), which the outbox keeps once.
 */
@Service
public class DigestService {

    private static final Logger log = LoggerFactory.getLogger(DigestService.class);

    private final AlertStore alerts;
    private final SubscriptionStore subscriptions;
    private final AlertNotifications notifications;
    private final Deliveries deliveries;
    private final MeterRegistry meters;

    DigestService(AlertStore alerts, SubscriptionStore subscriptions, AlertNotifications notifications,
            Deliveries deliveries, MeterRegistry meters) {
        this.alerts = alerts;
        this.subscriptions = subscriptions;
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.meters = meters;
    }

    /** Queues the digests of {@code day} (UTC): every held alert raised or updated before the day ended. */
    public Mono<Void> sendDigests(LocalDate day) {
        return alerts.assignDigest(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), day)
                .thenMany(alerts.inDigest(day))
                .groupBy(stored -> stored.alert().subscriber())
                .concatMap(bySubscriber -> bySubscriber.map(StoredAlert::alert).collectList()
                        .flatMap(held -> send(bySubscriber.key(), day, held)))
                .then();
    }

    private Mono<Void> send(String subscriber, LocalDate day, List<Alert> held) {
        List<Alert> ordered = held.stream().sorted(Comparator.comparing(Alert::raisedAt)).toList();
        return channelOf(subscriber)
                .flatMap(via -> deliveries.enqueue(notifications.digest(subscriber, day, ordered, via))
                        .thenReturn(via))
                .doOnNext(via -> {
                    meters.counter("civicspace.alert.digests.queued").increment();
                    log.debug("digest of {} for {} queued with {} alerts", subscriber, day, ordered.size());
                })
                .switchIfEmpty(Mono.fromRunnable(() -> log.warn(
                        "digest of {} for {} not sent: no e-mail or webhook subscription is left", subscriber, day)))
                .then();
    }

    /** Where a subscriber's digest goes: their oldest e-mail subscription, else their oldest webhook one. */
    private Mono<Subscription> channelOf(String subscriber) {
        Flux<Subscription> pushed = subscriptions.ownedBy(subscriber).filter(Subscription::isPushed);
        return pushed.filter(s -> s.channel() == Channel.EMAIL).next().switchIfEmpty(pushed.next());
    }
}
