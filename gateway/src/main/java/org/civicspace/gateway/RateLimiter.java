package org.civicspace.gateway;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller: {@code capacity} requests at once, refilled at {@code perMinute}. Each
 * bucket is one number, the time at which it will be full again (the generic cell rate algorithm), so
 * taking a token is one compare-and-set. A bucket that has refilled completely is the same as no
 * bucket, so buckets are dropped once full and the map holds only callers active in the last
 * {@code capacity / perMinute} minutes.
 */
final class RateLimiter {

    private static final int SWEEP_ABOVE = 10_000;

    private final long nanosPerToken;
    private final long burstNanos;
    private final LongSupplier clock;
    private final Map<String, Long> fullAt = new ConcurrentHashMap<>();

    RateLimiter(GatewayProperties.Bucket bucket, LongSupplier nanoClock) {
        this.nanosPerToken = Duration.ofMinutes(1).toNanos() / bucket.perMinute();
        this.burstNanos = nanosPerToken * bucket.capacity();
        this.clock = nanoClock;
    }

    /** Takes a token for {@code caller}: answers zero if one was there, else how long until one will be. */
    Duration tryTake(String caller) {
        long now = clock.getAsLong();
        if (fullAt.size() > SWEEP_ABOVE) {
            fullAt.values().removeIf(time -> time - now <= 0);
        }
        long[] wait = {0};
        fullAt.compute(caller, (key, full) -> {
            long from = full == null || full - now < 0 ? now : full;
            long next = from + nanosPerToken;
            if (next - now > burstNanos) {
                wait[0] = next - now - burstNanos;
                return full;
            }
            return next;
        });
        return Duration.ofNanos(wait[0]);
    }

    /** How many callers have a bucket that is not full. */
    int tracked() {
        return fullAt.size();
    }
}
