package org.civicspace.ingest.application;

import org.civicspace.ingest.domain.feed.Feed;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Polls feeds: those due by their schedule, or one now because an administrator asked. */
public interface PollFeedsUseCase {

    /**
     * Polls the feeds due now, a few at a time; answers each with its health after the poll. Once
     * {@code stop} signals, no further feed is started, and the round completes when the polls
     * already under way have finished and recorded their outcome.
     */
    Flux<Feed> pollDue(Mono<?> stop);

    /** Polls one feed now, whatever its schedule; empty when there is no such feed. */
    Mono<Feed> pollNow(String id);
}
