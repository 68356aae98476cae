package org.civicspace.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The feed scheduler, prefix {@code civicspace.ingest.polling}: every {@code tick} it polls up to
 * {@code batch} due feeds, at most {@code concurrency} at a time, taking at most
 * {@code maxItemsPerFeed} items of each; {@code enabled: false} leaves polling to
 * {@code POST /api/v1/feeds/{id}/poll}. A new feed's first poll falls at a random moment within
 * {@code firstPollSpread}, or within its own interval when that is not set. On shutdown, the polls
 * under way get {@code stopTimeout} to finish and record their outcome before they are cut off. A
 * poll that takes longer than {@code pollTimeout} in all is given up and recorded as failed, so
 * that nothing one feed does can hold up the rounds. When the feeds are due is kept in memory and
 * read again from the store every {@code scheduleRefresh}.
 */
@Validated
@ConfigurationProperties(prefix = "civicspace.ingest.polling")
public record PollingProperties(boolean enabled, @NotNull Duration tick, @Min(1) @Max(1_000) int batch,
        @Min(1) @Max(256) int concurrency, @Min(1) @Max(10_000) int maxItemsPerFeed, Duration firstPollSpread,
        Duration stopTimeout, Duration pollTimeout, Duration scheduleRefresh) {

    public PollingProperties {
        stopTimeout = stopTimeout == null ? Duration.ofSeconds(20) : stopTimeout;
        pollTimeout = pollTimeout == null ? Duration.ofMinutes(2) : pollTimeout;
        scheduleRefresh = scheduleRefresh == null ? Duration.ofMinutes(5) : scheduleRefresh;
    }
}
