package org.civicspace.alert.application.delivery;

import java.time.Clock;

import org.civicspace.alert.application.Deliveries;
import org.civicspace.alert.application.Notification;
import org.civicspace.alert.domain.Channel;
import org.civicspace.alert.domain.delivery.DeliveryStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The outbox's front: storing a notification is all that {@link #enqueue} does, so it completes
 * as soon as the notification is safe in the store; the {@link DeliveryWorker} sends it.
 */
@Service
class OutboxService implements Deliveries, ManageDeliveriesUseCase {

    private static final Logger log = LoggerFactory.getLogger(OutboxService.class);
    private static final int LIST_LIMIT = 100;

    private final Outbox outbox;
    private final Clock clock;

    OutboxService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Mono<Void> enqueue(Notification notification) {
        if (notification.channel() == Channel.SSE) {
            return Mono.error(new IllegalArgumentException(
                    "the outbox sends e-mail and webhooks; live streams are fed directly, not through it"));
        }
        return outbox.add(notification, clock.instant())
                .doOnNext(added -> log.debug("{} notification {} {}", notification.channel().wireName(),
                        notification.idempotencyKey(), added ? "queued" : "was already queued"))
                .then();
    }

    @Override
    public Flux<OutboxEntry> deliveries(DeliveryStatus status, String caller, boolean admin) {
        return outbox.list(status, admin ? null : caller, LIST_LIMIT);
    }

    @Override
    public Mono<Requeued> retry(String id) {
        return outbox.requeue(id, clock.instant())
                .doOnNext(entry -> log.info("delivery {} queued again by an admin", id))
                .map(entry -> new Requeued(entry, true))
                .switchIfEmpty(Mono.defer(() -> outbox.find(id).map(entry -> new Requeued(entry, false))));
    }
}
