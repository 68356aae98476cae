package org.civicspace.ingest.adapter.out.http;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How politely and how patiently we fetch from one host, prefix
 * {@code civicspace.ingest.fetch.per-host}: at most {@code requestsPerSecond}; up to
 * {@code attempts} tries a fetch, {@code retryBackoff} apart (doubling); when at least
 * {@code failureRatePercent} of its last ten fetches failed, the host is left alone for {@code openFor}.
 */
@Validated
@ConfigurationProperties(prefix = "civicspace.ingest.fetch.per-host")
public record HostGuardProperties(
        @DefaultValue("2") @Min(1) @Max(10_000) int requestsPerSecond,
        @DefaultValue("50") @Min(1) @Max(100) int failureRatePercent,
        @DefaultValue("5m") @NotNull Duration openFor,
        @DefaultValue("2") @Min(1) @Max(5) int attempts,
        @DefaultValue("1s") @NotNull Duration retryBackoff) {
}
