package org.civicspace.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import org.civicspace.alert.application.Deliveries;
import org.civicspace.alert.application.Notification;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Primary;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stands in for the outbox behind the {@link Deliveries} port, keeping its promise: the same
 * idempotency key queued again changes nothing. Records every call too, so a test can see that
 * a key was offered twice yet kept once. Where the context also has a real outbox, every
 * notification is passed on to it as well, so tests of both can share one context.
 */
@TestComponent
@Primary
class RecordingDeliveries implements Deliveries {

    private final Map<String, Notification> kept = new ConcurrentHashMap<>();
    private final List<Notification> offered = new CopyOnWriteArrayList<>();
    private final ApplicationContext context;

    RecordingDeliveries(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public Mono<Void> enqueue(Notification notification) {
        offered.add(notification);
        kept.putIfAbsent(notification.idempotencyKey(), notification);
        return Flux.fromIterable(context.getBeansOfType(Deliveries.class).values())
                .filter(outbox -> outbox != this)
                .concatMap(outbox -> outbox.enqueue(notification))
                .then();
    }

    /** What the outbox would send: one per key, in no particular order. */
    List<Notification> kept() {
        return new ArrayList<>(kept.values());
    }

    /**
     * The notification kept under this key, waiting for it up to 20 s (it is queued after the
     * alert is stored and published); fails the test when none comes.
     */
    Notification kept(String key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!kept.containsKey(key) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        Notification found = kept.get(key);
        if (found == null) {
            throw new AssertionError("no notification " + key + " among " + kept.keySet());
        }
        return found;
    }

    /** Every call, repeats included. */
    List<Notification> offered() {
        return List.copyOf(offered);
    }
}
