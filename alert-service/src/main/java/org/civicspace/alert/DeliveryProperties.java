package org.civicspace.alert;

import java.time.Duration;

import org.civicspace.alert.domain.delivery.BackOff;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * How the outbox is worked off, {@code civicspace.alert.delivery.*}.
 *
 * @param pollInterval how often a worker looks for due notifications
 * @param batchSize    at most this many notifications are claimed in one round
 * @param concurrency  at most this many are being sent at once by one instance
 * @param lease        how long a claimed notification is left to its worker; after that another
 *                     worker may take it (the first one died). One attempt is cut off at half of
 *                     it, so that a live worker always finishes before its lease runs out
 * @param maxAttempts  attempts before a notification is given up
 * @param backoff      the wait between attempts
 * @param email        the e-mail channel
 */
@ConfigurationProperties(prefix = "civicspace.alert.delivery")
@Validated
public record DeliveryProperties(
        @NotNull @DurationMin(millis = 10) Duration pollInterval,
        @Min(1) @Max(1000) int batchSize,
        @Min(1) @Max(256) int concurrency,
        @NotNull @DurationMin(seconds = 2) Duration lease,
        @Min(1) @Max(100) int maxAttempts,
        @NotNull @Valid Backoff backoff,
        @NotNull @Valid Email email) {

    /** The longest one attempt to send may take. */
    public Duration attemptTimeout() {
        return lease.dividedBy(2);
    }

    /**
     * @param initial    the wait after the first failure
     * @param multiplier how much longer each following wait is
     * @param max        the longest wait
     * @param jitter     each wait is spread by up to this fraction either way
     */
    public record Backoff(@NotNull @DurationMin(millis = 1) Duration initial, @DecimalMin("1.0") double multiplier,
            @NotNull Duration max, @DecimalMin("0.0") @DecimalMax(value = "1.0", inclusive = false) double jitter) {

        public BackOff toBackOff() {
            return new BackOff(initial, multiplier, max, jitter);
        }
    }

    /** @param from the {@code From} of every e-mail, e.g. {@code civicspace alerts <alerts@example.org>} */
    public record Email(@NotBlank String from) {
    }
}
