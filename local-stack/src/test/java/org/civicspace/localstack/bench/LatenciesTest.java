package org.civicspace.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void summarisesPercentilesInMillisecondsToThreeDigits() {
        Latencies latencies = new Latencies();
        for (int ms = 1; ms <= 1_000; ms++) {
            latencies.record(TimeUnit.MILLISECONDS.toNanos(ms));
        }

        Latencies.Summary summary = latencies.summary();

        assertThat(summary.count()).isEqualTo(1_000);
        assertThat(summary.ms(50)).isCloseTo(500, within(1.0));
        assertThat(summary.ms(90)).isCloseTo(900, within(1.0));
        assertThat(summary.p99()).isCloseTo(990, within(1.0));
        assertThat(summary.ms(99.9)).isCloseTo(999, within(1.0));
        assertThat(summary.maxMs()).isCloseTo(1_000, within(1.0));
    }

    @Test
    void oneSlowMessageInAHundredIsWhatTheNinetyNinthPercentileShows() {
        Latencies latencies = new Latencies();
        for (int i = 0; i < 98; i++) {
            latencies.record(TimeUnit.MILLISECONDS.toNanos(2));
        }
        latencies.record(TimeUnit.MILLISECONDS.toNanos(250));
        latencies.record(TimeUnit.MILLISECONDS.toNanos(3_000));

        Latencies.Summary summary = latencies.summary();

        assertThat(summary.ms(50)).isCloseTo(2, within(0.01));
        assertThat(summary.p99()).isCloseTo(250, within(0.5));
        assertThat(summary.maxMs()).isCloseTo(3_000, within(3.0));
    }

    @Test
    void nothingRecordedHasNoPercentiles() {
        Latencies.Summary summary = new Latencies().summary();

        assertThat(summary.count()).isZero();
        assertThat(summary.p99()).isNaN();
    }

    @Test
    void aNegativeOrHugeLatencyIsKeptWithinTheHistogramsRange() {
        Latencies latencies = new Latencies();
        latencies.record(-5);
        latencies.record(TimeUnit.HOURS.toNanos(2));

        Latencies.Summary summary = latencies.summary();

        assertThat(summary.count()).isEqualTo(2);
        assertThat(summary.maxMs()).isCloseTo(600_000, within(600.0));
    }
}
