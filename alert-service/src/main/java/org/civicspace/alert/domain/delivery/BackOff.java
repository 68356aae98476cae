package org.civicspace.alert.domain.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a failed delivery waits before its next attempt: {@code initial}, multiplied by
 * {@code multiplier} after each failure, never more than {@code max}, then spread by up to
 * {@code jitter} (a fraction) either way, so that many deliveries that failed together (a receiver
 * that was down) do not all come back at the same instant.
 */
public record BackOff(Duration initial, double multiplier, Duration max, double jitter) {

    public BackOff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("the back-off needs 0 < initial <= max, not " + initial + " and " + max);
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("the back-off multiplier must be at least 1, not " + multiplier);
        }
        if (jitter < 0.0 || jitter >= 1.0) {
            throw new IllegalArgumentException("the back-off jitter must be in [0, 1), not " + jitter);
        }
    }

    /**
     * The wait after the {@code failures}-th failed attempt (1 for the first).
     *
     * @param random a number in [0, 1); 0.5 gives the wait without jitter
     */
    public Duration after(int failures, double random) {
        if (failures < 1) {
            throw new IllegalArgumentException("a back-off follows at least one failure, not " + failures);
        }
        double millis = Math.min(max.toMillis(), initial.toMillis() * Math.pow(multiplier, failures - 1));
        double spread = 1.0 + jitter * (2.0 * random - 1.0);
        return Duration.ofMillis(Math.max(1L, Math.round(millis * spread)));
    }
}
