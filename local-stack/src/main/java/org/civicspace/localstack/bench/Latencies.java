package org.civicspace.localstack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * End-to-end latencies of one kind of message, in an HdrHistogram (microseconds, three
 * significant digits, up to ten minutes; a longer one counts as ten minutes).
 */
public final class Latencies {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);
    /** The percentiles the table and the report show. */
    public static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);

    /** Records one latency of {@code nanos} nanoseconds. */
    public synchronized void record(long nanos) {
        histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos))));
    }

    /** What was recorded, in milliseconds. */
    public synchronized Summary summary() {
        if (histogram.getTotalCount() == 0) {
            return new Summary(0, List.of(), 0);
        }
        List<Percentile> percentiles = new ArrayList<>();
        for (double p : PERCENTILES) {
            percentiles.add(new Percentile(p, histogram.getValueAtPercentile(p) / 1000.0));
        }
        return new Summary(histogram.getTotalCount(), percentiles, histogram.getMaxValue() / 1000.0);
    }

    /** One percentile: {@code percent} of the latencies were at most {@code ms}. */
    public record Percentile(double percent, double ms) {
    }

    /** How many latencies, their percentiles (as {@link #PERCENTILES}) and the longest, in milliseconds. */
    public record Summary(long count, List<Percentile> percentiles, double maxMs) {

        public Summary {
            percentiles = List.copyOf(percentiles);
        }

        /** The latency at {@code percent}, or NaN when nothing was recorded or that percentile is not kept. */
        public double ms(double percent) {
            return percentiles.stream().filter(p -> p.percent() == percent).mapToDouble(Percentile::ms).findFirst()
                    .orElse(Double.NaN);
        }

        public double p99() {
            return ms(99);
        }
    }
}
