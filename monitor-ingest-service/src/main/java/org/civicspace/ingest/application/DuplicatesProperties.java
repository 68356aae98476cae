package org.civicspace.ingest.application;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of the duplicate check, {@code civicspace.ingest.duplicates.*}.
 *
 * @param nearThreshold the estimated Jaccard similarity of two reports' 4-word shingles from which
 *                      the later one is a near-duplicate (see {@code NearDuplicates.DEFAULT_THRESHOLD})
 * @param window        how far back a near-duplicate's first telling is looked for
 * @param retention     how long a report's signature is kept; exact copies are recognised for this
 *                      long, so it is at least the window
 * @param memoryReports how many of the latest reports' band keys are held in memory to find
 *                      near-duplicate candidates (about 400 bytes each, allocated at start); a
 *                      story is recognised as retold within the window and these reports
 */
@ConfigurationProperties(prefix = "civicspace.ingest.duplicates")
@Validated
public record DuplicatesProperties(
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double nearThreshold,
        @NotNull @DurationMin(hours = 1) Duration window,
        @NotNull @DurationMin(hours = 1) Duration retention,
        @Min(1_000) @Max(10_000_000) Integer memoryReports) {

    public DuplicatesProperties {
        memoryReports = memoryReports == null ? 100_000 : memoryReports;
        if (window != null && retention != null && retention.compareTo(window) < 0) {
            throw new IllegalArgumentException("civicspace.ingest.duplicates.retention (" + retention
                    + ") must be at least the window (" + window + ")");
        }
    }
}
