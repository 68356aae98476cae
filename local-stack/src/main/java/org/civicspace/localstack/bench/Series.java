package org.civicspace.localstack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** A count sampled once a second (cumulative), drawn as its change per second. */
public final class Series {

    private final String name;
    private final List<Long> samples = new ArrayList<>();

    public Series(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public synchronized void add(long cumulative) {
        samples.add(cumulative);
    }

    /** The latest sample, or 0 before the first. */
    public synchronized long last() {
        return samples.isEmpty() ? 0 : samples.get(samples.size() - 1);
    }

    /** The first second at whose sample the count had reached {@code target}, or -1 if it never did. */
    public synchronized int secondsToReach(long target) {
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i) >= target) {
                return i;
            }
        }
        return -1;
    }

    /** The change from one sample to the next: per second when sampled every second. */
    public synchronized List<Long> perSecond() {
        List<Long> rates = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            rates.add(samples.get(i) - samples.get(i - 1));
        }
        return rates;
    }

    /**
     * Samples {@code counts} into {@code series} (the same order) now, then every second, and once more
     * when the returned sampler is closed; a count that fails to be read keeps its last value.
     */
    static AutoCloseable everySecond(List<Series> series, List<LongSupplier> counts) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "bench-sampler");
            thread.setDaemon(true);
            return thread;
        });
        long[] last = new long[counts.size()];
        Runnable sample = () -> {
            for (int i = 0; i < counts.size(); i++) {
                try {
                    last[i] = counts.get(i).getAsLong();
                } catch (RuntimeException unreadable) {
                    // a slow admin call: the previous value stands for this second
                }
                series.get(i).add(last[i]);
            }
        };
        timer.scheduleAtFixedRate(sample, 0, 1, TimeUnit.SECONDS);
        // closing takes one last sample, so that the end of the run is in every series
        return () -> {
            timer.shutdown();
            timer.awaitTermination(10, TimeUnit.SECONDS);
            sample.run();
        };
    }
}
