package org.civicspace.alert.application;

import java.time.Instant;
import java.util.Set;

import org.civicspace.alert.domain.Alert;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where alerts are kept, each numbered by a sequence that only grows. */
public interface AlertStore {

    /**
     * Stores the alert, unpublished, under the next sequence number; empty when an alert with
     * its id is already stored (the report was delivered before).
     */
    Mono<StoredAlert> insertNew(Alert alert);

    Mono<StoredAlert> find(String alertId);

    Mono<Void> markPublished(String alertId);

    /** The subscriber's alerts about these countries numbered after {@code seq}, in order. */
    Flux<StoredAlert> after(String subscriber, Set<String> countries, long seq);

    /**
     * The subscriber's latest alerts, newest first: about these countries (all when empty),
     * raised at or after {@code since} (any time when null).
     */
    Flux<StoredAlert> latest(String subscriber, Set<String> countries, Instant since, int limit);
}
