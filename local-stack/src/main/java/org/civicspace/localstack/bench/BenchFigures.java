package org.civicspace.localstack.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of {@code civicspace bench}: their names (the keys of the JSON line), the ratios
 * and goals, and the table. A figure that could not be measured is {@code null}, and so is any
 * ratio made from it.
 */
public final class BenchFigures {

    public static final String RAW_KAFKA = "raw_kafka_msgs_per_s";
    public static final String PIPELINE = "pipeline_reports_per_s";
    public static final String THROUGHPUT_RATIO = "throughput_ratio";
    public static final String KAFKA_P99 = "kafka_e2e_p99_ms";
    public static final String PIPELINE_P99 = "pipeline_e2e_p99_ms";
    public static final String LATENCY_RATIO = "latency_ratio";
    public static final String PEAK_RSS = "peak_rss_mb";
    public static final String CLASSIFIER = "classifier_docs_per_s";
    public static final String SCAN = "scan_docs_per_s";
    public static final String CLASSIFIER_RATIO = "classifier_ratio";

    /** Goals on our 2-core machine. */
    static final double THROUGHPUT_GOAL = 0.20;
    static final double LATENCY_GOAL = 20;
    static final double CLASSIFIER_GOAL = 0.5;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BenchFigures() {
    }

    /** The pipeline bench's figures, in the order of the JSON line; NaN (not measured) becomes {@code null}. */
    public static Map<String, Object> pipeline(double rawKafkaPerS, double pipelinePerS, double kafkaP99Ms,
            double pipelineP99Ms, long peakRssMb) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put(RAW_KAFKA, rounded(rawKafkaPerS, 1));
        figures.put(PIPELINE, rounded(pipelinePerS, 1));
        figures.put(THROUGHPUT_RATIO, rounded(pipelinePerS / rawKafkaPerS, 4));
        figures.put(KAFKA_P99, rounded(kafkaP99Ms, 2));
        figures.put(PIPELINE_P99, rounded(pipelineP99Ms, 1));
        figures.put(LATENCY_RATIO, rounded(pipelineP99Ms / kafkaP99Ms, 1));
        figures.put(PEAK_RSS, peakRssMb < 0 ? null : peakRssMb);
        return figures;
    }

    /** The pipeline's figures followed by the classifier benchmark's three (from its own JSON line). */
    public static Map<String, Object> withClassifier(Map<String, Object> pipeline, Map<String, Object> classifier) {
        Map<String, Object> figures = new LinkedHashMap<>(pipeline);
        for (String key : new String[] {CLASSIFIER, SCAN, CLASSIFIER_RATIO}) {
            Object value = classifier.get(key);
            figures.put(key, value instanceof Number number ? rounded(number.doubleValue(), key.equals(CLASSIFIER_RATIO) ? 3 : 1) : null);
        }
        return figures;
    }

    /** The figures as one line of JSON. */
    public static String jsonLine(Map<String, Object> figures) {
        return JSON.writeValueAsString(figures);
    }

    /** The classifier benchmark's JSON line read back. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String jsonLine) {
        return JSON.readValue(jsonLine, LinkedHashMap.class);
    }

    /** The figures as a table with the goals, for a person. */
    public static void table(Map<String, Object> figures, PrintStream out) {
        out.printf(Locale.ROOT, "%-26s %14s   %s%n", "measure", "value", "goal");
        figures.forEach((key, value) -> out.printf(Locale.ROOT, "%-26s %14s   %s%n", key,
                value == null ? "not measured" : value, goal(key, value)));
    }

    private static String goal(String key, Object value) {
        String goal = switch (key) {
            case THROUGHPUT_RATIO -> ">= " + THROUGHPUT_GOAL;
            case LATENCY_RATIO -> "<= " + (int) LATENCY_GOAL;
            case CLASSIFIER_RATIO -> ">= " + CLASSIFIER_GOAL;
            default -> null;
        };
        if (goal == null) {
            return "";
        }
        if (!(value instanceof Number number)) {
            return goal;
        }
        double v = number.doubleValue();
        boolean met = switch (key) {
            case LATENCY_RATIO -> v <= LATENCY_GOAL;
            case THROUGHPUT_RATIO -> v >= THROUGHPUT_GOAL;
            default -> v >= CLASSIFIER_GOAL;
        };
        return goal + (met ? " (met)" : " (NOT met)");
    }

    private static Double rounded(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
