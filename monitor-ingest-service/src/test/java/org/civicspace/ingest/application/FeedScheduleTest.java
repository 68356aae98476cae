package org.civicspace.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.civicspace.ingest.PollingProperties;
import org.civicspace.ingest.application.ManageFeedsUseCase.Registration;
import org.civicspace.ingest.domain.feed.Feed;
import org.civicspace.ingest.domain.feed.FeedHealth;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class FeedScheduleTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    final StoredFeeds store = new StoredFeeds();
    final FeedSchedule schedule = new FeedSchedule(store, new PollingProperties(true, Duration.ofSeconds(5), 200, 32,
            500, null, null, null, Duration.ofMinutes(5)), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void handsOutTheFeedsDueSoonestFirstUpToTheLimit() {
        store.put(feed("late", NOW.minusSeconds(10), true));
        store.put(feed("early", NOW.minusSeconds(60), true));
        store.put(feed("later", NOW.minusSeconds(1), true));
        store.put(feed("not-yet", NOW.plusSeconds(60), true));
        store.put(feed("off", NOW.minusSeconds(600), false));

        assertThat(schedule.due(NOW, 2).block()).containsExactly("early", "late");
        assertThat(schedule.due(NOW, 10).block()).containsExactly("early", "late", "later");
    }

    @Test
    void followsPollsRegistrationsAndRemovalsWithoutReadingTheStoreAgain() {
        store.put(feed("a", NOW.minusSeconds(5), true));
        store.put(feed("b", NOW.minusSeconds(5), true));
        assertThat(schedule.due(NOW, 10).block()).containsExactly("a", "b");

        schedule.update(feed("a", NOW.plus(Duration.ofMinutes(15)), true));
        schedule.remove("b");
        schedule.update(feed("c", NOW.minusSeconds(1), true));
        store.clear(); // what the store says now is read only at the next refresh

        assertThat(schedule.due(NOW, 10).block()).containsExactly("c");
        assertThat(schedule.due(NOW.plus(Duration.ofMinutes(4)), 10).block()).containsExactly("c");
    }

    @Test
    void readsTheStoreAgainAfterTheRefreshInterval() {
        store.put(feed("a", NOW.minusSeconds(5), true));
        assertThat(schedule.due(NOW, 10).block()).containsExactly("a");

        store.put(feed("from-another-instance", NOW, true));

        assertThat(schedule.due(NOW.plus(Duration.ofMinutes(1)), 10).block()).containsExactly("a");
        assertThat(schedule.due(NOW.plus(Duration.ofMinutes(5)), 10).block()).containsExactly("a", "from-another-instance");
    }

    private static Feed feed(String id, Instant due, boolean enabled) {
        return new Feed(id, URI.create("https://feeds.example/" + id), id, null, null, Duration.ofMinutes(15), enabled,
                NOW.minus(Duration.ofDays(1)), FeedHealth.waitingFor(due));
    }

    /** The feeds as a store would answer them; only {@link #all()} matters to the schedule. */
    static final class StoredFeeds implements FeedStore {

        private final Map<String, Feed> feeds = new ConcurrentHashMap<>();

        void put(Feed feed) {
            feeds.put(feed.id(), feed);
        }

        void clear() {
            feeds.clear();
        }

        @Override
        public Flux<Feed> all() {
            return Flux.fromIterable(List.copyOf(feeds.values()));
        }

        @Override
        public Mono<Registration> register(Feed feed) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<Registration> registerAll(List<Feed> toRegister) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Feed> find(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<Feed> find(Collection<String> ids) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Boolean> delete(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Void> saveHealth(String id, FeedHealth health) {
            throw new UnsupportedOperationException();
        }
    }
}
