package org.civicspace.ingest.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.civicspace.events.Hints;
import org.civicspace.events.Report;
import org.civicspace.events.ReportReceived;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Source;
import org.civicspace.ingest.PollingProperties;
import org.civicspace.ingest.domain.ReportIds;
import org.civicspace.ingest.domain.dedup.Verdict;
import org.civicspace.ingest.domain.feed.Feed;
import org.civicspace.ingest.domain.feed.FeedHealth;
import org.civicspace.ingest.domain.feed.FeedItem;
import org.civicspace.ingest.domain.feed.FeedParser;
import org.civicspace.ingest.domain.feed.FeedRefused;
import org.civicspace.ingest.domain.feed.ParsedFeed;
import org.civicspace.ingest.domain.feed.UrlNormaliser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One poll of a feed: fetch (conditionally), parse, and publish each item not seen before as a
 * {@code ReportReceived} — exact copies dropped, near-duplicates marked — then record how it went
 * in the feed's health. Whatever happens, the feed's health says so and its next poll is set;
 * nothing about one feed affects another.
 */
@Service
class FeedPoller implements PollFeedsUseCase {

    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final FeedStore feeds;
    private final FeedSchedule schedule;
    private final FeedFetcher fetcher;
    private final ReportLedger ledger;
    private final ReportPublisher publisher;
    private final DuplicateCheck duplicates;
    private final PollingProperties polling;
    private final FeedParser parser;
    private final Clock clock;
    private final MeterRegistry meters;

    FeedPoller(FeedStore feeds, FeedSchedule schedule, FeedFetcher fetcher, ReportLedger ledger,
            ReportPublisher publisher, DuplicateCheck duplicates, PollingProperties polling, Clock clock,
            MeterRegistry meters) {
        this.feeds = feeds;
        this.schedule = schedule;
        this.fetcher = fetcher;
        this.ledger = ledger;
        this.publisher = publisher;
        this.duplicates = duplicates;
        this.polling = polling;
        this.parser = new FeedParser(polling.maxItemsPerFeed());
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public Flux<Feed> pollDue(Mono<?> stop) {
        // flatMap asks for the next due feed only when a poll slot frees up, so a stop leaves the
        // rest of the batch untouched (still due) for the next start
        return schedule.due(clock.instant(), polling.batch())
                .flatMapMany(ids -> feeds.find(ids))
                .takeUntilOther(stop)
                .flatMap(this::poll, polling.concurrency());
    }

    @Override
    public Mono<Feed> pollNow(String id) {
        return feeds.find(id).flatMap(this::poll);
    }

    private Mono<Feed> poll(Feed feed) {
        Instant at = clock.instant();
        FeedHealth health = feed.health();
        return fetcher.fetch(new FetchRequest(feed.url(), health.etag(), health.lastModified()))
                .flatMap(result -> outcome(feed, result, at))
                .timeout(polling.pollTimeout(), Mono.fromSupplier(() -> failed(feed, at, null, "the poll took longer than "
                        + polling.pollTimeout().toSeconds() + " s in all and was given up; the next poll tries again")))
                .onErrorResume(bug -> {
                    log.warn("polling feed {} failed unexpectedly", feed.id(), bug);
                    return Mono.just(failed(feed, at, null, "an internal error (" + bug.getClass().getSimpleName()
                            + "); the next poll tries again"));
                })
                .flatMap(after -> feeds.saveHealth(feed.id(), after).thenReturn(feed.withHealth(after)))
                .doOnNext(schedule::update)
                .doOnNext(polled -> meters.counter("civicspace.ingest.feeds.polled", "outcome",
                        polled.health().consecutiveFailures() == 0 ? "ok" : "failed").increment());
    }

    private Mono<FeedHealth> outcome(Feed feed, FetchResult result, Instant at) {
        FeedHealth health = feed.health();
        if (result instanceof FetchResult.Ok ok) {
            return parse(ok, at)
                    .flatMap(parsed -> publishNew(feed, parsed.items(), at)
                            .map(newItems -> health.succeeded(at, ok.status(), newItems, ok.etag(), ok.lastModified(),
                                    parsed.warnings(), next(feed, at, 0))))
                    .onErrorResume(FeedRefused.class, refused -> Mono.just(failed(feed, at, ok.status(),
                            refused.reason())));
        }
        if (result instanceof FetchResult.NotModified) {
            return Mono.just(health.notModified(at, next(feed, at, 0)));
        }
        if (result instanceof FetchResult.Refused refused) {
            return Mono.just(failed(feed, at, null, refused.reason()));
        }
        FetchResult.Failed failure = (FetchResult.Failed) result;
        return Mono.just(failed(feed, at, failure.status() == 0 ? null : failure.status(), failure.reason()));
    }

    private Mono<ParsedFeed> parse(FetchResult.Ok ok, Instant at) {
        // parsing is CPU work: keep it off the network threads
        return Mono.fromCallable(() -> parser.parse(ok.body(), ok.contentType(), ok.finalUrl(), at))
                .subscribeOn(Schedulers.parallel());
    }

    /**
     * Publishes the items not seen before (one look-up for the whole feed), in feed order, dropping
     * exact copies of other reports, then records them all in the ledger in one write; answers how
     * many were published. Published first and recorded second, as for partner reports: a poll cut
     * off in between publishes those items again next time, under the same ids.
     */
    private Mono<Integer> publishNew(Feed feed, List<FeedItem> items, Instant at) {
        Map<String, FeedItem> byId = new LinkedHashMap<>();
        for (FeedItem item : items) {
            if (!item.title().isBlank() || !item.text().isBlank()) {
                byId.putIfAbsent(ReportIds.of("feed-item", item.identity()), item);
            }
        }
        return ledger.known(byId.keySet()).flatMap(known -> Flux.fromIterable(byId.entrySet())
                .filter(entry -> !known.contains(entry.getKey()))
                .concatMap(entry -> publish(feed, entry.getKey(), entry.getValue(), at).map(published -> Map.entry(
                        entry.getKey(), published)))
                .collectList()
                .flatMap(handled -> ledger.recordAll(handled.stream().map(Map.Entry::getKey).toList(),
                                "feed:" + feed.id(), at)
                        .thenReturn((int) handled.stream().filter(Map.Entry::getValue).count())));
    }

    /** Publishes a new item unless it is an exact copy of another report; true when it was published. */
    private Mono<Boolean> publish(Feed feed, String reportId, FeedItem item, Instant at) {
        return duplicates.check(reportId, item.title(), item.text(), identifyingUrl(item), at)
                .flatMap(verdict -> verdict.kind() == Verdict.Kind.EXACT_DUPLICATE ? Mono.just(false)
                        : publisher.publish(event(feed, item, reportId, verdict.duplicateOf(), at))
                                .doOnSuccess(done -> meters.counter("civicspace.ingest.reports.received",
                                        "source", "feed", "outcome", "accepted").increment())
                                .thenReturn(true));
    }

    /** The item's own normalised link, which identifies it; null when it has none we can normalise. */
    private static String identifyingUrl(FeedItem item) {
        try {
            return item.link() == null ? null : UrlNormaliser.normalise(item.link());
        } catch (IllegalArgumentException notHttp) {
            return null;
        }
    }

    private static ReportReceived event(Feed feed, FeedItem item, String reportId, String duplicateOf, Instant at) {
        String title = item.title().isBlank() ? abbreviated(item.text()) : item.title();
        String text = item.text().isBlank() ? item.title() : item.text();
        // a missing date stays unknown in the report; the event's own time is when we first saw it
        Report report = new Report(title, text, item.language() != null ? item.language() : feed.language(),
                item.dateMissing() ? null : item.publishedAt(), null, null,
                item.link() == null ? null : item.link().toString(), new Hints(feed.country(), Set.of()), List.of());
        return new ReportReceived(UUID.randomUUID(), at, reportId, Sensitivity.PUBLIC, Source.feed(feed.id()), report,
                duplicateOf);
    }

    private static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 119) + "…";
    }

    private FeedHealth failed(Feed feed, Instant at, Integer status, String reason) {
        FeedHealth health = feed.health();
        return health.failed(at, status, reason, next(feed, at, health.consecutiveFailures() + 1));
    }

    private static Instant next(Feed feed, Instant from, int failuresInARow) {
        return FeedHealth.nextPoll(from, feed.pollInterval(), failuresInARow,
                ThreadLocalRandom.current().nextDouble(-1, 1));
    }
}
