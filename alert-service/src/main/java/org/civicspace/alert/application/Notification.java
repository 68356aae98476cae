package org.civicspace.alert.application;

import java.util.Map;
import java.util.Objects;

import org.civicspace.alert.domain.Channel;

/**
 * One message to one recipient on one channel, ready to send. Everything in it is already safe
 * for that recipient: callers build it from what the recipient may see (a confidential report
 * becomes "something new is waiting"). {@code idempotencyKey} makes delivery at most once per
 * key, however often the same notification is queued; {@code address} is an e-mail address or a
 * webhook URL; {@code payload} is the webhook's JSON body.
 */
public record Notification(
        String idempotencyKey,
        String recipient,
        Channel channel,
        String address,
        String webhookSecret,
        String subject,
        String text,
        String html,
        Map<String, Object> payload) {

    public Notification {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(channel, "channel");
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }

    /** Leaves the webhook secret out, so that logging a notification never leaks it. */
    @Override
    public String toString() {
        return "Notification[idempotencyKey=" + idempotencyKey + ", recipient=" + recipient + ", channel=" + channel + "]";
    }
}
