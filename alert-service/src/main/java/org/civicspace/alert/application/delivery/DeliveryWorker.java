package org.civicspace.alert.application.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.civicspace.alert.DeliveryProperties;
import org.civicspace.alert.application.Notification;
import org.civicspace.alert.domain.Channel;
import org.civicspace.alert.domain.delivery.BackOff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Works off the outbox one round at a time: claims what is due, sends it with bounded
 * concurrency, records each outcome under its claim.
 *
 * <p>Delivery is at least once, not exactly once. A notification is marked sent only after the
 * receiver accepted it, so a worker that dies before marking leaves it to be sent again once its
 * lease runs out: nothing is lost, but the receiver may get it twice. Exactly once would need the
 * receiver in the same transaction as the outbox, which neither SMTP nor HTTP offers; instead every
 * attempt carries the idempotency key (header {@code Idempotency-Key} of a webhook, the
 * {@code Message-ID} of an e-mail), so that a receiver can drop a repeat. A worker that dies
 * before sending loses nothing and doubles nothing: the entry simply waits for its lease to end.
 *
 * <p>Logs carry the idempotency key, channel, status and target host only — never a subject,
 * text, HTML or payload.
 */
@Component
public class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Outbox outbox;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final DeliveryProperties properties;
    private final BackOff backOff;
    private final Clock clock;
    private final MeterRegistry meters;

    public DeliveryWorker(Outbox outbox, List<ChannelSender> senders, DeliveryProperties properties, Clock clock,
            MeterRegistry meters) {
        this.outbox = outbox;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.properties = properties;
        this.backOff = properties.backoff().toBackOff();
        this.clock = clock;
        this.meters = meters;
    }

    /** One round: claims up to a batch of due notifications and delivers them; answers how many it handled. */
    public Mono<Integer> deliverDue() {
        Instant now = clock.instant();
        String claim = UUID.randomUUID().toString();
        return outbox.claimDue(now, now.plus(properties.lease()), claim, properties.batchSize())
                .flatMap(entry -> deliver(entry).thenReturn(entry), properties.concurrency())
                .count()
                .map(Long::intValue);
    }

    /** How many notifications are due now, waiting for a worker (a backlog grows when this stays high). */
    public Mono<Long> countDue() {
        return outbox.countDue(clock.instant());
    }

    private Mono<Void> deliver(OutboxEntry entry) {
        Notification notification = entry.notification();
        ChannelSender sender = senders.get(notification.channel());
        int attempt = entry.attempts() + 1;
        if (sender == null) {
            return record(entry, attempt, "?", SendOutcome.permanent(
                    "nothing here sends on the " + notification.channel().wireName() + " channel"));
        }
        String target = sender.target(notification);
        Duration limit = properties.attemptTimeout();
        return Mono.defer(() -> sender.send(notification))
                .timeout(limit, Mono.fromSupplier(() -> SendOutcome.retryable(
                        "no answer from " + target + " within " + limit.toSeconds() + " s")))
                .onErrorResume(unexpected -> Mono.just(SendOutcome.retryable(
                        "sending failed unexpectedly (" + unexpected.getClass().getSimpleName() + ")")))
                .flatMap(outcome -> record(entry, attempt, target, outcome));
    }

    private Mono<Void> record(OutboxEntry entry, int attempt, String target, SendOutcome outcome) {
        String id = entry.id();
        String channel = entry.notification().channel().wireName();
        Instant now = clock.instant();
        if (outcome instanceof SendOutcome.Failed failed) {
            if (failed.retryable() && attempt < properties.maxAttempts()) {
                Instant next = now.plus(backOff.after(attempt, ThreadLocalRandom.current().nextDouble()));
                // an outcome not recorded (the lease was lost meanwhile) is the successor's to count
                return outbox.retryLater(id, entry.claim(), attempt, next, failed.reason())
                        .filter(recorded -> recorded)
                        .doOnNext(recorded -> {
                            meters.counter("civicspace.alert.deliveries.retried", "channel", channel).increment();
                            log.info("delivery {} by {} to {}: attempt {} of {} failed, next at {}: {}", id, channel,
                                    target, attempt, properties.maxAttempts(), next, failed.reason());
                        })
                        .then();
            }
            return outbox.giveUp(id, entry.claim(), attempt, now, failed.reason())
                    .filter(recorded -> recorded)
                    .doOnNext(recorded -> {
                        meters.counter("civicspace.alert.deliveries.given_up", "channel", channel).increment();
                        log.warn("delivery {} by {} to {}: given up after {} attempt(s): {}", id, channel, target,
                                attempt, failed.reason());
                    })
                    .then();
        }
        return outbox.markSent(id, entry.claim(), attempt, now)
                .doOnNext(recorded -> {
                    meters.counter("civicspace.alert.deliveries.sent", "channel", channel).increment();
                    meters.timer("civicspace.alert.deliveries.latency", "channel", channel)
                            .record(Duration.between(entry.enqueuedAt(), now));
                    if (!recorded) {
                        // sent, but another worker took over this entry meanwhile: the receiver may see it twice
                        log.warn("delivery {} by {} to {}: sent after its lease had run out", id, channel, target);
                    } else {
                        log.info("delivery {} by {} to {}: sent (attempt {})", id, channel, target, attempt);
                    }
                })
                .then();
    }
}
