package org.civicspace.alert.application;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import org.civicspace.alert.AlertProperties;
import org.civicspace.alert.domain.Alert;
import org.civicspace.events.AlertRaised;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Every alert event of every instance, as it happens, in seq order: fed from the
 * {@code AlertRaised} topic, which each instance reads whole (its own anonymous consumer group),
 * so a stream on one instance shows alerts raised on another. Best effort by design: a listener
 * that is not ready misses an alert here rather than holding up the consumer or other
 * listeners; what it missed is in the store, where a reconnecting stream finds it.
 */
@Component
public class LiveAlerts implements AutoCloseable {

    private final Sinks.Many<StoredAlert> sink = Sinks.many().multicast().directBestEffort();
    private final AlertSequence sequence;
    private final Clock clock;
    private final Disposable ticking;

    LiveAlerts(AlertProperties properties, Clock clock) {
        this.sequence = new AlertSequence(properties.gapWait());
        this.clock = clock;
        // its own timer rather than the shared scheduler, which a long digest run may hold: a held
        // alert goes out at most a quarter of gap-wait after its wait is over
        this.ticking = Flux.interval(properties.gapWait().dividedBy(4)).subscribe(beat -> tick());
    }

    /** An alert event with its stream seq, as read from the topic. */
    public void arrived(long seq, AlertRaised event) {
        arrived(new StoredAlert(seq, Alert.of(event), true));
    }

    /** Releases events held for a seq that did not come in time. */
    synchronized void tick() {
        emit(sequence.tick(clock.instant()));
    }

    /** Synchronized because a sink accepts one emitter at a time, and the sequence is kept under the same lock. */
    synchronized void arrived(StoredAlert alert) {
        emit(sequence.arrived(alert, clock.instant()));
    }

    /**
     * Starts {@code listener} on the live events, and answers the seq up to which they have gone
     * out already: a replay from the store up to it, then these, leave no gap.
     */
    synchronized Joined join(Consumer<StoredAlert> listener) {
        return new Joined(sink.asFlux().subscribe(listener), sequence.releasedUpTo());
    }

    @Override
    public void close() {
        ticking.dispose();
    }

    private void emit(List<StoredAlert> alerts) {
        alerts.forEach(sink::tryEmitNext);
    }

    /** A listener on the live events, and the seq up to which a replay from the store must go. */
    record Joined(Disposable listening, long replayUpTo) {
    }
}
