package org.civicspace.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BenchFiguresTest {

    @Test
    void theJsonLineHoldsExactlyThePipelineFiguresWithTheirRatios() {
        Map<String, Object> figures = BenchFigures.pipeline(20_000, 50, 4, 120, 1_100);

        Map<String, Object> line = BenchFigures.parse(BenchFigures.jsonLine(figures));

        assertThat(line).containsExactly(
                Map.entry("raw_kafka_msgs_per_s", 20_000.0),
                Map.entry("pipeline_reports_per_s", 50.0),
                Map.entry("throughput_ratio", 0.0025),
                Map.entry("kafka_e2e_p99_ms", 4.0),
                Map.entry("pipeline_e2e_p99_ms", 120.0),
                Map.entry("latency_ratio", 30.0),
                Map.entry("peak_rss_mb", 1_100));
        assertThat(BenchFigures.jsonLine(figures)).doesNotContain("\n");
    }

    @Test
    void theClassifierFiguresFollowThePipelinesAndNothingElseOfItsLineComesAlong() {
        Map<String, Object> classifier = BenchFigures.parse("""
                {"classifier_docs_per_s":2280.04,"classifier_docs_per_s_error":1074.0,"scan_docs_per_s":6124.0,\
                "scan_docs_per_s_error":2095.0,"classifier_ratio":0.3723,"documents":64}""");

        Map<String, Object> figures = BenchFigures.withClassifier(BenchFigures.pipeline(1_000, 300, 2, 30, 900), classifier);

        assertThat(figures.keySet()).containsExactly("raw_kafka_msgs_per_s", "pipeline_reports_per_s", "throughput_ratio",
                "kafka_e2e_p99_ms", "pipeline_e2e_p99_ms", "latency_ratio", "peak_rss_mb", "classifier_docs_per_s",
                "scan_docs_per_s", "classifier_ratio");
        assertThat(figures).containsEntry("throughput_ratio", 0.3).containsEntry("latency_ratio", 15.0)
                .containsEntry("classifier_docs_per_s", 2280.0).containsEntry("classifier_ratio", 0.372);
    }

    @Test
    void whatWasNotMeasuredIsNullAndSoIsItsRatio() {
        Map<String, Object> figures = BenchFigures.pipeline(1_000, 12.5, 3, Double.NaN, -1);

        assertThat(BenchFigures.jsonLine(figures)).contains("\"pipeline_e2e_p99_ms\":null", "\"latency_ratio\":null",
                "\"peak_rss_mb\":null", "\"throughput_ratio\":0.0125");
    }

    @Test
    void theTableSaysWhichGoalsAreMet() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        BenchFigures.table(BenchFigures.pipeline(1_000, 300, 2, 60, 900), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("throughput_ratio\\s+0.3\\s+>= 0.2 \\(met\\)")
                .containsPattern("latency_ratio\\s+30.0\\s+<= 20 \\(NOT met\\)");
    }
}
