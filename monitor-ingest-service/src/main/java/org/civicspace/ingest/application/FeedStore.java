package org.civicspace.ingest.application;

import java.util.Collection;
import java.util.List;

import org.civicspace.ingest.domain.feed.Feed;
import org.civicspace.ingest.domain.feed.FeedHealth;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The registered feeds and their health. */
public interface FeedStore {

    /** Registers the feed unless one with its id exists; answers the stored feed either way, and whether it is new. */
    Mono<ManageFeedsUseCase.Registration> register(Feed feed);

    /**
     * Registers each feed whose id is not registered yet, all in one write; answers every feed as
     * stored (the existing one where its id was taken), in the order given, with whether it is new.
     */
    Flux<ManageFeedsUseCase.Registration> registerAll(List<Feed> feeds);

    Flux<Feed> all();

    Mono<Feed> find(String id);

    /** The feeds with these ids that exist, in no particular order. */
    Flux<Feed> find(Collection<String> ids);

    /** True when the feed existed. */
    Mono<Boolean> delete(String id);

    Mono<Void> saveHealth(String id, FeedHealth health);
}
