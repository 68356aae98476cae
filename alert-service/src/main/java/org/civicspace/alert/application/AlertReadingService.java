package org.civicspace.alert.application;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * Streams replay-then-live without a gap: the live feed is joined before the store is read,
 * and what arrives meanwhile waits in a per-stream buffer.
 */
@Service
class AlertReadingService implements ReadAlertsUseCase {

    /** How far a stream may fall behind before it is ended; the client resumes from the store. */
    static final int MAX_PENDING = 1024;

    private final AlertStore alerts;
    private final LiveAlerts live;

    AlertReadingService(AlertStore alerts, LiveAlerts live) {
        this.alerts = alerts;
        this.live = live;
    }

    @Override
    public Flux<StoredAlert> follow(String subscriber, Set<String> countries, OptionalLong lastSeen) {
        return Flux.defer(() -> {
            Sinks.Many<StoredAlert> pending = Sinks.many().unicast()
                    .onBackpressureBuffer(Queues.<StoredAlert>get(MAX_PENDING).get());
            LiveAlerts.Joined joined = live.join(stored -> {
                if (stored.alert().isFor(subscriber, countries) && pending.tryEmitNext(stored).isFailure()) {
                    pending.tryEmitError(new IllegalStateException(
                            "the stream fell " + MAX_PENDING + " alerts behind; resume with Last-Event-ID"));
                }
            });
            // the replay stops where the live feed took over: an alert stored by another instance
            // above a seq still on its way would otherwise be shown first, and the lower one then lost
            Flux<StoredAlert> missed = lastSeen.isPresent()
                    ? alerts.after(subscriber, countries, lastSeen.getAsLong())
                            .filter(stored -> stored.seq() <= joined.replayUpTo())
                    : Flux.empty();
            // The live feed comes in seq order, so a high-water mark is enough to drop what the
            // replay already gave or a redelivery repeats.
            AtomicLong highWater = new AtomicLong(lastSeen.orElse(0));
            return Flux.concat(missed, pending.asFlux())
                    .filter(stored -> {
                        if (stored.seq() <= highWater.get()) {
                            return false;
                        }
                        highWater.set(stored.seq());
                        return true;
                    })
                    .doFinally(signal -> joined.listening().dispose());
        });
    }

    @Override
    public Flux<StoredAlert> latest(String subscriber, Set<String> countries, Instant since) {
        return alerts.latest(subscriber, countries, since, LATEST_LIMIT);
    }
}
