package org.civicspace.alert.application.delivery;

import java.time.Instant;

import org.civicspace.alert.application.Notification;
import org.civicspace.alert.domain.delivery.DeliveryStatus;

/**
 * A notification in the outbox with where its delivery stands. Its id is the notification's
 * idempotency key. {@code claim} is the token of the worker holding its lease (null when none):
 * only that worker may record the outcome.
 */
public record OutboxEntry(
        Notification notification,
        DeliveryStatus status,
        int attempts,
        Instant enqueuedAt,
        Instant nextAttemptAt,
        Instant sentAt,
        String lastError,
        String claim) {

    public String id() {
        return notification.idempotencyKey();
    }
}
