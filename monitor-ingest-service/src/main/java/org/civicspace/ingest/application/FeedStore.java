package org.civicspace.ingest.application;

import java.time.Instant;

import org.civicspace.ingest.domain.feed.Feed;
import org.civicspace.ingest.domain.feed.FeedHealth;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The registered feeds and their health. */
public interface FeedStore {

    /** Registers the feed unless one with its id exists; answers the stored feed either way, and whether it is new. */
    Mono<ManageFeedsUseCase.Registration> register(Feed feed);

    Flux<Feed> all();

    Mono<Feed> find(String id);

    /** True when the feed existed. */
    Mono<Boolean> delete(String id);

    /** Enabled feeds whose next poll is due at {@code now}, soonest first. */
    Flux<Feed> due(Instant now, int limit);

    Mono<Void> saveHealth(String id, FeedHealth health);
}
