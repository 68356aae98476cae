package org.civicspace.alert.application.delivery;

import java.time.Instant;

import org.civicspace.alert.application.Notification;
import org.civicspace.alert.domain.delivery.DeliveryStatus;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where queued notifications wait, keyed by their idempotency key. Claiming leases an entry to
 * one worker until {@code leaseUntil}; an entry whose lease ran out (its worker died) is due again.
 * Every outcome is recorded only under the claim that took it, so a worker that lost its lease
 * cannot overwrite what its successor recorded.
 */
public interface Outbox {

    /** Stores the notification as pending and due now; answers false, changing nothing, when its key is already there. */
    Mono<Boolean> add(Notification notification, Instant now);

    /** Leases up to {@code limit} due entries (pending, next attempt reached, lease free or run out) to {@code claim}. */
    Flux<OutboxEntry> claimDue(Instant now, Instant leaseUntil, String claim, int limit);

    Mono<Boolean> markSent(String id, String claim, int attempts, Instant sentAt);

    Mono<Boolean> retryLater(String id, String claim, int attempts, Instant nextAttemptAt, String error);

    Mono<Boolean> giveUp(String id, String claim, int attempts, Instant at, String error);

    /** Puts a given-up entry back in the queue with a fresh set of attempts; empty when there is none with this id. */
    Mono<OutboxEntry> requeue(String id, Instant now);

    Mono<OutboxEntry> find(String id);

    /** The newest entries first, at most {@code limit}; a null status or recipient means any. */
    Flux<OutboxEntry> list(DeliveryStatus status, String recipient, int limit);

    /** How many pending entries are due at {@code now}. */
    Mono<Long> countDue(Instant now);
}
