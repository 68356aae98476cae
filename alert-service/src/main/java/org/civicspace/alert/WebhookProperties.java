package org.civicspace.alert;

import java.time.Duration;
import java.util.List;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How webhooks are called, {@code civicspace.alert.webhooks.*}.
 *
 * @param connectTimeout    the longest wait for a connection to a receiver
 * @param responseTimeout   the longest wait for a receiver's answer once the request is sent
 * @param allowPrivateHosts host names and IP addresses that may be called although they are
 *                          loopback, private or link-local (never cloud metadata addresses);
 *                          empty in production
 * @param circuitBreaker    when a receiver's host is left alone for a while
 */
@ConfigurationProperties(prefix = "civicspace.alert.webhooks")
@Validated
public record WebhookProperties(
        @NotNull @DurationMin(millis = 10) Duration connectTimeout,
        @NotNull @DurationMin(millis = 10) Duration responseTimeout,
        List<String> allowPrivateHosts,
        @NotNull @Valid CircuitBreaker circuitBreaker) {

    public WebhookProperties {
        allowPrivateHosts = allowPrivateHosts == null ? List.of() : List.copyOf(allowPrivateHosts);
    }

    /**
     * One breaker per target host: it opens when, of the last {@code window} calls (and at least
     * {@code minimumCalls}), {@code failureRatePercent} failed for a reason worth a retry; then
     * calls to that host fail at once for {@code openFor}, after which one trial call decides.
     */
    public record CircuitBreaker(@Min(1) @Max(100) int failureRatePercent, @Min(1) int minimumCalls,
            @Min(1) int window, @NotNull @DurationMin(millis = 10) Duration openFor) {
    }
}
