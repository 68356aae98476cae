package org.civicspace.alert.application;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The alerts raised by this instance, as they happen. Best effort by design: a listener that
 * is not ready misses an alert here rather than holding up the consumer or other listeners;
 * what it missed is in the store, where a reconnecting stream finds it.
 */
@Component
class LiveAlerts {

    private final Sinks.Many<StoredAlert> sink = Sinks.many().multicast().directBestEffort();

    /** Synchronized because a sink accepts one emitter at a time. */
    synchronized void emit(StoredAlert alert) {
        sink.tryEmitNext(alert);
    }

    Flux<StoredAlert> alerts() {
        return sink.asFlux();
    }
}
