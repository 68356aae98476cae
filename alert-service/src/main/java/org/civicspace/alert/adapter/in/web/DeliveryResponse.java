package org.civicspace.alert.adapter.in.web;

import java.time.Instant;

import org.civicspace.alert.application.delivery.OutboxEntry;
import org.civicspace.alert.application.Notification;
import org.civicspace.alert.domain.Channel;
import org.civicspace.alert.domain.delivery.WebhookTargets;

/**
 * A delivery as staff see it: where it stands and why, never what it says. {@code target} is the
 * e-mail address, or only the host of a webhook URL (its path may hold a token); the subject,
 * texts, payload and webhook secret are left out.
 */
record DeliveryResponse(String id, String channel, String recipient, String target, String status, int attempts,
        Instant enqueuedAt, Instant nextAttemptAt, Instant sentAt, String lastError) {

    static DeliveryResponse of(OutboxEntry entry) {
        Notification n = entry.notification();
        return new DeliveryResponse(entry.id(), n.channel().wireName(), n.recipient(), targetOf(n),
                entry.status().wireName(), entry.attempts(), entry.enqueuedAt(), entry.nextAttemptAt(), entry.sentAt(),
                entry.lastError());
    }

    private static String targetOf(Notification n) {
        if (n.channel() != Channel.WEBHOOK) {
            return n.address();
        }
        try {
            return WebhookTargets.parse(n.address()).getHost();
        } catch (WebhookTargets.RefusedTarget invalid) {
            return null;
        }
    }
}
