package org.civicspace.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The token bucket on a clock the test moves by hand. */
class RateLimiterTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final RateLimiter limiter = new RateLimiter(new GatewayProperties.Bucket(3, 60), now::get);

    @Test
    void letsABurstOfCapacityThroughThenSaysHowLongToWait() {
        IntStream.range(0, 3).forEach(i -> assertThat(limiter.tryTake("p-1")).isZero());
        assertThat(limiter.tryTake("p-1")).isEqualTo(Duration.ofSeconds(1));
        now.addAndGet(Duration.ofMillis(400).toNanos());
        assertThat(limiter.tryTake("p-1")).isEqualTo(Duration.ofMillis(600));
    }

    @Test
    void refillsAtTheConfiguredRate() {
        IntStream.range(0, 3).forEach(i -> limiter.tryTake("p-1"));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(limiter.tryTake("p-1")).isZero();
        assertThat(limiter.tryTake("p-1")).isPositive();
        now.addAndGet(Duration.ofMinutes(10).toNanos());
        IntStream.range(0, 3).forEach(i -> assertThat(limiter.tryTake("p-1")).isZero());
        assertThat(limiter.tryTake("p-1")).isPositive();
    }

    @Test
    void aRefusedRequestCostsNothing() {
        IntStream.range(0, 3).forEach(i -> limiter.tryTake("p-1"));
        IntStream.range(0, 50).forEach(i -> limiter.tryTake("p-1"));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(limiter.tryTake("p-1")).isZero();
    }

    @Test
    void eachCallerHasABucketOfTheirOwn() {
        IntStream.range(0, 3).forEach(i -> limiter.tryTake("p-1"));
        assertThat(limiter.tryTake("p-1")).isPositive();
        assertThat(limiter.tryTake("p-2")).isZero();
    }

    @Test
    void forgetsCallersWhoseBucketHasRefilledOnceManyAreTracked() {
        IntStream.range(0, 10_001).forEach(i -> limiter.tryTake("caller-" + i));
        assertThat(limiter.tracked()).isEqualTo(10_001);
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        limiter.tryTake("one-more");
        assertThat(limiter.tracked()).isEqualTo(1);
    }
}
