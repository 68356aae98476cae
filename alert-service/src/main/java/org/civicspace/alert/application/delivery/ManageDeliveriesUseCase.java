package org.civicspace.alert.application.delivery;

import org.civicspace.alert.domain.delivery.DeliveryStatus;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What staff see of the outbox: deliveries by status, and a second chance for one that was given up. */
public interface ManageDeliveriesUseCase {

    /** The newest deliveries first, at most 100; all of them for an admin, else only the caller's own. */
    Flux<OutboxEntry> deliveries(DeliveryStatus status, String caller, boolean admin);

    /** Queues a given-up delivery again with a fresh set of attempts; empty when there is no such delivery. */
    Mono<Requeued> retry(String id);

    /** The delivery as it now stands, and whether it was queued again (false: it was not given up). */
    record Requeued(OutboxEntry entry, boolean requeued) {
    }
}
