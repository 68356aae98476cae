package org.civicspace.ingest.adapter.out.http;

import java.time.Duration;
import java.util.List;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * How feeds are fetched: which private hosts may be reached, and the limits on redirects, time and size.
 *
 * @param allowPrivateHosts    host names and IP addresses that may be private (loopback, RFC 1918, …);
 *                             empty in production, {@code 127.0.0.1} for a local feed server
 * @param maxRedirects         redirects followed before refusing
 * @param connectTimeout       to open a connection
 * @param readTimeout          longest silence while waiting for or reading an answer
 * @param totalTimeout         the whole fetch, every redirect included
 * @param maxCompressedBytes   bytes on the wire, gzip or not
 * @param maxDecompressedBytes bytes once a gzip body is inflated
 * @param userAgent            sent with every request
 */
@Validated
@ConfigurationProperties(prefix = "civicspace.ingest.fetch")
public record FetchProperties(
        @DefaultValue @NotNull List<String> allowPrivateHosts,
        @DefaultValue("5") @Min(0) @Max(20) int maxRedirects,
        @DefaultValue("5s") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
        @DefaultValue("10s") @NotNull @DurationMin(millis = 1) Duration readTimeout,
        @DefaultValue("30s") @NotNull @DurationMin(millis = 1) Duration totalTimeout,
        @DefaultValue("5MB") @NotNull DataSize maxCompressedBytes,
        @DefaultValue("20MB") @NotNull DataSize maxDecompressedBytes,
        @DefaultValue("civicspace-ingest/0.1 (feed reader)") @NotBlank String userAgent) {
}
