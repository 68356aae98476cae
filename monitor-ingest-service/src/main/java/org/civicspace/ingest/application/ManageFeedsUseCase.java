package org.civicspace.ingest.application;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.civicspace.ingest.domain.feed.Feed;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What an administrator does with feeds: register, list and remove them. */
public interface ManageFeedsUseCase {

    /** The feed as registered; the same address registered again answers the existing feed. */
    Mono<Registration> register(URI url, String title, String language, String country, Duration pollInterval,
            boolean enabled);

    /**
     * Registers many feeds with one look-up and one write (an import of a long list); answers each
     * in the order given, as {@link #register} would.
     */
    Flux<Registration> registerAll(List<NewFeed> feeds);

    Flux<Feed> feeds();

    Mono<Boolean> remove(String id);

    /** A feed to register. */
    record NewFeed(URI url, String title, String language, String country, Duration pollInterval, boolean enabled) {
    }

    /** A registered feed, and whether this registration created it. */
    record Registration(Feed feed, boolean isNew) {
    }
}
