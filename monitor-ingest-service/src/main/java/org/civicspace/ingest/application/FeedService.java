package org.civicspace.ingest.application;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.civicspace.ingest.PollingProperties;
import org.civicspace.ingest.domain.feed.Feed;
import org.civicspace.ingest.domain.feed.FeedHealth;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registers feeds with a first poll at a random moment within their interval, so that feeds
 * registered together (a list of a hundred imported at once) do not all fall due together.
 */
@Service
class FeedService implements ManageFeedsUseCase {

    private final FeedStore feeds;
    private final PollingProperties polling;
    private final Clock clock;

    FeedService(FeedStore feeds, PollingProperties polling, Clock clock) {
        this.feeds = feeds;
        this.polling = polling;
        this.clock = clock;
    }

    @Override
    public Mono<Registration> register(URI url, String title, String language, String country, Duration pollInterval,
            boolean enabled) {
        Instant now = clock.instant();
        Duration spread = polling.firstPollSpread() != null ? polling.firstPollSpread() : pollInterval;
        Instant firstPoll = now.plusMillis(ThreadLocalRandom.current().nextLong(Math.max(1, spread.toMillis())));
        FeedHealth fresh = new FeedHealth(null, null, null, 0, null, 0, firstPoll, null, null);
        return feeds.register(new Feed(Feed.idFor(url), url, title, language, country, pollInterval, enabled, now,
                fresh));
    }

    @Override
    public Flux<Feed> feeds() {
        return feeds.all();
    }

    @Override
    public Mono<Boolean> remove(String id) {
        return feeds.delete(id);
    }
}
