package org.civicspace.ingest.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

import org.civicspace.ingest.PollingProperties;
import org.civicspace.ingest.domain.feed.Feed;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * When each enabled feed is next due, in memory: finding the due feeds every tick is then a
 * look at the head of a sorted set, not a query over every feed (which the embedded store
 * answers by reading every document, 10,000 of them every tick). Read whole from the store at
 * the first tick and again every {@code schedule-refresh}, which is how feeds registered or
 * removed through another instance reach this one; this instance's own registrations, removals
 * and polls update it at once. About 150 bytes a feed.
 */
@Component
class FeedSchedule {

    private record Entry(Instant due, String feedId) {
    }

    private static final Comparator<Entry> SOONEST = Comparator.comparing(Entry::due).thenComparing(Entry::feedId);

    private final FeedStore feeds;
    private final Clock clock;
    private final Duration refresh;
    private final NavigableSet<Entry> byTime = new TreeSet<>(SOONEST);
    private final Map<String, Instant> dueOf = new HashMap<>();
    private Instant readAt;

    FeedSchedule(FeedStore feeds, PollingProperties polling, Clock clock) {
        this.feeds = feeds;
        this.clock = clock;
        this.refresh = polling.scheduleRefresh();
    }

    /**
     * Up to {@code limit} ids of feeds due at {@code now}, soonest first. They stay in the schedule
     * until their poll records its outcome ({@link #update}); rounds never overlap, so a feed is not
     * handed out twice.
     */
    Mono<List<String>> due(Instant now, int limit) {
        Mono<Void> fresh = readAt == null || !now.isBefore(readAt.plus(refresh)) ? reload() : Mono.empty();
        return fresh.then(Mono.fromSupplier(() -> {
            synchronized (this) {
                List<String> due = new ArrayList<>();
                for (Entry entry : byTime) {
                    if (entry.due().isAfter(now) || due.size() == limit) {
                        break;
                    }
                    due.add(entry.feedId());
                }
                return due;
            }
        }));
    }

    /** A feed registered, or polled: it is next due at its health's {@code nextPollAt}. */
    synchronized void update(Feed feed) {
        remove(feed.id());
        if (feed.enabled() && feed.health().nextPollAt() != null) {
            byTime.add(new Entry(feed.health().nextPollAt(), feed.id()));
            dueOf.put(feed.id(), feed.health().nextPollAt());
        }
    }

    synchronized void remove(String feedId) {
        Instant due = dueOf.remove(feedId);
        if (due != null) {
            byTime.remove(new Entry(due, feedId));
        }
    }

    private Mono<Void> reload() {
        Instant startedAt = clock.instant();
        return feeds.all().filter(Feed::enabled).collectList().doOnNext(all -> {
            synchronized (this) {
                byTime.clear();
                dueOf.clear();
                all.forEach(this::update);
                readAt = startedAt;
            }
        }).then();
    }
}
