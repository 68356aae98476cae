package org.civicspace.alert.application;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;

import reactor.core.publisher.Flux;

/** A subscriber's own alerts: the latest ones, or a never-ending stream of them. */
public interface ReadAlertsUseCase {

    /** At most this many alerts answer {@link #latest}. */
    int LATEST_LIMIT = 100;

    /**
     * The subscriber's alerts about these countries as they are raised. With {@code lastSeen}
     * (a seq the subscriber already has), first every stored one after it, in order; no alert
     * comes twice.
     */
    Flux<StoredAlert> follow(String subscriber, Set<String> countries, OptionalLong lastSeen);

    /** The subscriber's latest alerts, newest first; all countries when empty, any time when null. */
    Flux<StoredAlert> latest(String subscriber, Set<String> countries, Instant since);
}
