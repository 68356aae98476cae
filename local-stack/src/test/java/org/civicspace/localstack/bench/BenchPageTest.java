package org.civicspace.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class BenchPageTest {

    @Test
    void drawsThroughputAndPercentilesAsInlineSvgWithNothingFetched() {
        Series consumed = new Series("records consumed");
        for (long total : new long[] {0, 900, 2_100, 3_000}) {
            consumed.add(total);
        }
        Latencies kafka = new Latencies();
        Latencies pipeline = new Latencies();
        for (int i = 1; i <= 100; i++) {
            kafka.record(TimeUnit.MICROSECONDS.toNanos(500 + i));
            pipeline.record(TimeUnit.MILLISECONDS.toNanos(40 + i));
        }
        PipelineBench.Outcome outcome = new PipelineBench.Outcome(BenchFigures.pipeline(1_000, 100, 1, 140, 800),
                kafka.summary(), pipeline.summary(), List.of(consumed), List.of(new Series("archived")),
                Map.of("uptime load average", "<3.1> & more"));

        String html = BenchPage.html(outcome, Instant.parse("2026-11-22T07:00:00Z"));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "<polyline", "records consumed",
                "throughput_ratio", "&lt;3.1&gt; &amp; more", "p99", "max");
        assertThat(html).doesNotContain("<script", "src=", "href=", "@import", "url(");
        assertThat(consumed.perSecond()).containsExactly(900L, 1_200L, 900L);
    }
}
