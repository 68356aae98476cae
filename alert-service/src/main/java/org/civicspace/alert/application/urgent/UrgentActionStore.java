package org.civicspace.alert.application.urgent;

import org.civicspace.alert.domain.urgent.UrgentAction;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where urgent actions and their steps are kept. */
public interface UrgentActionStore {

    /** Stores a new action; answers the stored one, which is the earlier if its incident opened one before. */
    Mono<UrgentAction> open(UrgentAction action);

    Mono<UrgentAction> find(String id);

    /**
     * Replaces the action with its next state, if it is still as {@code before} left it (same
     * roster level, same acknowledgement); false when another run changed it first.
     */
    Mono<Boolean> replace(UrgentAction before, UrgentAction after);

    Flux<UrgentAction> unacknowledged();

    /** The whole queue: unacknowledged first, newest first within each. */
    Flux<UrgentAction> all();
}
