package org.civicspace.alert.application;

import reactor.core.publisher.Mono;

/**
 * The outbox: queues notifications for e-mail and webhook delivery. Completing means the
 * notification is stored and will be sent, with retries, even across a restart; queuing the
 * same idempotency key again changes nothing.
 */
public interface Deliveries {

    Mono<Void> enqueue(Notification notification);
}
