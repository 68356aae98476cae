package org.civicspace.ingest.application;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    private final FeedSchedule schedule;
    private final PollingProperties polling;
    private final Clock clock;

    FeedService(FeedStore feeds, FeedSchedule schedule, PollingProperties polling, Clock clock) {
        this.feeds = feeds;
        this.schedule = schedule;
        this.polling = polling;
        this.clock = clock;
    }

    @Override
    public Mono<Registration> register(URI url, String title, String language, String country, Duration pollInterval,
            boolean enabled) {
        return feeds.register(feed(new NewFeed(url, title, language, country, pollInterval, enabled), clock.instant()))
                .doOnNext(this::schedule);
    }

    @Override
    public Flux<Registration> registerAll(List<NewFeed> newFeeds) {
        Instant now = clock.instant();
        return feeds.registerAll(newFeeds.stream().map(feed -> feed(feed, now)).toList()).doOnNext(this::schedule);
    }

    private Feed feed(NewFeed feed, Instant now) {
        Duration spread = polling.firstPollSpread() != null ? polling.firstPollSpread() : feed.pollInterval();
        Instant firstPoll = now.plusMillis(ThreadLocalRandom.current().nextLong(Math.max(1, spread.toMillis())));
        return new Feed(Feed.idFor(feed.url()), feed.url(), feed.title(), feed.language(), feed.country(),
                feed.pollInterval(), feed.enabled(), now, FeedHealth.waitingFor(firstPoll));
    }

    private void schedule(Registration registration) {
        if (registration.isNew()) {
            schedule.update(registration.feed());
        }
    }

    @Override
    public Flux<Feed> feeds() {
        return feeds.all();
    }

    @Override
    public Mono<Boolean> remove(String id) {
        return feeds.delete(id).doOnNext(removed -> schedule.remove(id));
    }
}
