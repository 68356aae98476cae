package org.civicspace.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.civicspace.alert.application.Deliveries;
import org.civicspace.alert.application.Notification;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Primary;

import reactor.core.publisher.Mono;

/**
 * Stands in for the outbox behind the {@link Deliveries} port, keeping its promise: the same
 * idempotency key queued again changes nothing. Records every call too, so a test can see that
 * a key was offered twice yet kept once.
 */
@TestComponent
@Primary
class RecordingDeliveries implements Deliveries {

    private final Map<String, Notification> kept = new ConcurrentHashMap<>();
    private final List<Notification> offered = new CopyOnWriteArrayList<>();

    @Override
    public Mono<Void> enqueue(Notification notification) {
        return Mono.fromRunnable(() -> {
            offered.add(notification);
            kept.putIfAbsent(notification.idempotencyKey(), notification);
        });
    }

    /** What the outbox would send: one per key, in no particular order. */
    List<Notification> kept() {
        return new ArrayList<>(kept.values());
    }

    /** Every call, repeats included. */
    List<Notification> offered() {
        return List.copyOf(offered);
    }
}
