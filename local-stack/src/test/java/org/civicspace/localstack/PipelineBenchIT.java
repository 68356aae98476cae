package org.civicspace.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.civicspace.localstack.bench.BenchFigures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short {@code civicspace bench pipeline} on the embedded stack: every figure measured, the report written. */
class PipelineBenchIT {

    @Test
    void measuresKafkaAloneBesideThePipelineAndEndsWithTheFiguresAsJson(@TempDir Path folder) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Path report = folder.resolve("bench.html");

        int exit = Civicspace.run(new String[] {"bench", "pipeline", "--reports", "30", "--seconds", "2", "--json",
                "--report", report.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(exit).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        Map<String, Object> figures = BenchFigures.parse(lines.get(lines.size() - 1));
        assertThat(figures.keySet()).containsExactly("raw_kafka_msgs_per_s", "pipeline_reports_per_s",
                "throughput_ratio", "kafka_e2e_p99_ms", "pipeline_e2e_p99_ms", "latency_ratio", "peak_rss_mb");
        assertThat(figures.values()).allSatisfy(value -> assertThat(((Number) value).doubleValue()).isPositive());
        assertThat(((Number) figures.get("pipeline_reports_per_s")).doubleValue())
                .isLessThan(((Number) figures.get("raw_kafka_msgs_per_s")).doubleValue());
        assertThat(Files.readString(report)).contains("<svg", "pipeline_e2e_p99_ms");
    }
}
