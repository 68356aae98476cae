package org.civicspace.ingest.application;

import java.net.URI;
import java.time.Duration;

import org.civicspace.ingest.domain.feed.Feed;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What an administrator does with feeds: register, list and remove them. */
public interface ManageFeedsUseCase {

    /** The feed as registered; the same address registered again answers the existing feed. */
    Mono<Registration> register(URI url, String title, String language, String country, Duration pollInterval,
            boolean enabled);

    Flux<Feed> feeds();

    Mono<Boolean> remove(String id);

    /** A registered feed, and whether this registration created it. */
    record Registration(Feed feed, boolean isNew) {
    }
}
