package org.civicspace.alert.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.civicspace.alert.domain.Alert;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where alerts are kept, each event numbered by a sequence that only grows. */
public interface AlertStore {

    /**
     * Stores the alert, unpublished, under the next sequence number; empty when an alert with
     * its id is already stored (the report was delivered before).
     */
    Mono<StoredAlert> insertNew(Alert alert);

    Mono<StoredAlert> find(String alertId);

    /**
     * Stores the alert's new state. A new revision is a new event: it takes the next sequence
     * number and is unpublished; the same revision keeps both (a quiet update).
     */
    Mono<StoredAlert> update(Alert alert, boolean newRevision);

    Mono<Void> markPublished(String alertId, int revision);

    /** Records how the revision's e-mail or webhook delivery was decided: at once, or held for the digest. */
    Mono<Void> markNotified(String alertId, int revision, boolean heldForDigest);

    /** The subscriber's alerts about these countries numbered after {@code seq}, in order. */
    Flux<StoredAlert> after(String subscriber, Set<String> countries, long seq);

    /**
     * The subscriber's latest alerts, newest first: about these countries (all when empty),
     * raised or updated at or after {@code since} (any time when null).
     */
    Flux<StoredAlert> latest(String subscriber, Set<String> countries, Instant since, int limit);

    /** Puts every alert that waits for a digest and was raised or updated before {@code before} in that day's. */
    Mono<Void> assignDigest(Instant before, LocalDate day);

    /** Every alert in the digest of this day, of every subscriber. */
    Flux<StoredAlert> inDigest(LocalDate day);
}
