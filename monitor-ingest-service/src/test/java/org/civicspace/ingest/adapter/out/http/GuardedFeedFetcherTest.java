package org.civicspace.ingest.adapter.out.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.civicspace.ingest.application.FetchRequest;
import org.civicspace.ingest.application.FetchResult;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Mono;

/** The per-host guard around a fetcher whose answers the test decides (the network plays no part here). */
class GuardedFeedFetcherTest {

    static final HostGuardProperties GUARD = new HostGuardProperties(100, 50, Duration.ofMinutes(5), 2, Duration.ofMillis(1));

    final AtomicInteger calls = new AtomicInteger();

    @Test
    void retriesARetryableFailureOnceAndThenReportsIt() {
        GuardedFeedFetcher fetcher = guarded(FetchResult.failed("the server answered 503", 503, true));

        FetchResult result = fetcher.fetch(FetchRequest.of(URI.create("https://flaky.example/rss"))).block();

        assertThat(result).isEqualTo(FetchResult.failed("the server answered 503", 503, true));
        assertThat(calls).hasValue(2);
    }

    @Test
    void leavesAFailingHostAloneOnceMostOfItsFetchesFail() {
        GuardedFeedFetcher fetcher = guarded(FetchResult.failed("the connection was refused", 0, true));
        for (int i = 0; i < 3; i++) {
            fetcher.fetch(FetchRequest.of(URI.create("https://down.example/feed" + i))).block();
        }
        int before = calls.get();

        FetchResult result = fetcher.fetch(FetchRequest.of(URI.create("https://down.example/other"))).block();

        assertThat(calls).hasValue(before);
        assertThat(((FetchResult.Failed) result).reason()).contains("down.example", "left alone for 5 minutes");
        assertThat(fetcher.fetch(FetchRequest.of(URI.create("https://up.example/rss"))).block())
                .isInstanceOf(FetchResult.Failed.class);
        assertThat(calls.get()).isGreaterThan(before);
    }

    @Test
    void neverRetriesOrCountsARefusal() {
        GuardedFeedFetcher fetcher = guarded(FetchResult.refused("the address 10.0.0.1 is private"));
        for (int i = 0; i < 10; i++) {
            assertThat(fetcher.fetch(FetchRequest.of(URI.create("https://intranet.example/rss"))).block())
                    .isInstanceOf(FetchResult.Refused.class);
        }
        assertThat(calls).hasValue(10);
    }

    private GuardedFeedFetcher guarded(FetchResult answer) {
        return new GuardedFeedFetcher(request -> Mono.fromCallable(() -> {
            calls.incrementAndGet();
            return answer;
        }), GUARD, new SimpleMeterRegistry());
    }
}
