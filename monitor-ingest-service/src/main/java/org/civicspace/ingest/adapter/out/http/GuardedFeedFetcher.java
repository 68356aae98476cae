package org.civicspace.ingest.adapter.out.http;

import java.time.Duration;
import java.util.Locale;

import org.civicspace.ingest.application.FeedFetcher;
import org.civicspace.ingest.application.FetchRequest;
import org.civicspace.ingest.application.FetchResult;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.ratelimiter.operator.RateLimiterOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Fetches through a circuit breaker, a retry and a rate limit of the feed's host, so that many
 * feeds on one host neither hammer it nor, while it is down, wait on it one by one. Only
 * retryable failures (time-outs, 5xx, connection errors) count against a host; a refusal is our
 * own decision and is never retried.
 */
class GuardedFeedFetcher implements FeedFetcher {

    private final FeedFetcher fetcher;
    private final CircuitBreakerRegistry breakers;
    private final RateLimiterRegistry limiters;
    private final RetryRegistry retries;
    private final HostGuardProperties guard;
    private final MeterRegistry meters;

    GuardedFeedFetcher(FeedFetcher fetcher, HostGuardProperties guard, MeterRegistry meters) {
        this.fetcher = fetcher;
        this.guard = guard;
        this.meters = meters;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(guard.failureRatePercent())
                .waitDurationInOpenState(guard.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordExceptions(RetryableFailure.class)
                .build());
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(guard.requestsPerSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                // a host with many feeds makes its feeds queue, not fail
                .timeoutDuration(Duration.ofSeconds(30))
                .build());
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(guard.attempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(guard.retryBackoff(), 2.0))
                .retryExceptions(RetryableFailure.class)
                .build());
    }

    @Override
    public Mono<FetchResult> fetch(FetchRequest request) {
        String host = String.valueOf(request.url().getHost()).toLowerCase(Locale.ROOT);
        return Mono.defer(() -> fetcher.fetch(request))
                .flatMap(result -> result instanceof FetchResult.Failed failed && failed.retryable()
                        ? Mono.<FetchResult>error(new RetryableFailure(failed))
                        : Mono.just(result))
                .transformDeferred(CircuitBreakerOperator.of(breakers.circuitBreaker(host)))
                .transformDeferred(RateLimiterOperator.of(limiters.rateLimiter(host)))
                .transformDeferred(RetryOperator.of(retries.retry(host)))
                .onErrorResume(RetryableFailure.class, gaveUp -> Mono.just(gaveUp.failure))
                .onErrorResume(CallNotPermittedException.class, open -> Mono.just(FetchResult.failed(
                        "the host " + host + " failed again and again, so it is left alone for "
                                + guard.openFor().toMinutes() + " minutes before we try it again", 0, true)))
                .onErrorResume(RequestNotPermitted.class, busy -> Mono.just(FetchResult.failed(
                        "too many feeds of the host " + host + " were due at once; this one waits for the next poll",
                        0, true)))
                .doOnNext(result -> meters.counter("civicspace.ingest.fetch.results", "outcome", outcome(result))
                        .increment());
    }

    private static String outcome(FetchResult result) {
        if (result instanceof FetchResult.Ok) {
            return "ok";
        }
        if (result instanceof FetchResult.NotModified) {
            return "not_modified";
        }
        return result instanceof FetchResult.Refused ? "refused" : "failed";
    }

    /** A retryable failure, carried as an error through the breaker and the retry, then back to a result. */
    private static final class RetryableFailure extends RuntimeException {

        private final transient FetchResult.Failed failure;

        RetryableFailure(FetchResult.Failed failure) {
            super(failure.reason(), null, false, false);
            this.failure = failure;
        }
    }
}
