package org.civicspace.localstack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.civicspace.localstack.LocalStack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An analyst subscribed to every country of the benchmark's reports (any urgency, channel SSE),
 * listening on {@code GET /api/v1/alerts/stream} through the gateway: when the first alert about
 * each report arrived, by report id.
 */
final class AlertStream implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SUBSCRIPTION = """
            {"countries": %s, "minUrgency": "routine", "channel": "sse", "cadence": "immediate"}""";

    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private volatile Stream<String> lines;
    private Thread reader;

    private AlertStream() {
    }

    static AlertStream open(HttpClient http, LocalStack stack) throws Exception {
        String analyst = stack.token("bench-analyst", "analyst");
        String countries = JSON.writeValueAsString(BenchReports.COUNTRY_CODES);
        HttpResponse<String> subscribed = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/subscriptions"))
                .header("Authorization", "Bearer " + analyst).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SUBSCRIPTION.formatted(countries))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (subscribed.statusCode() != 201) {
            throw new IOException("could not subscribe the bench analyst: " + subscribed.statusCode() + " " + subscribed.body());
        }
        AlertStream stream = new AlertStream();
        HttpResponse<Stream<String>> answer = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()
                        + "/api/v1/alerts/stream?country=" + String.join(",", BenchReports.COUNTRY_CODES)))
                .header("Authorization", "Bearer " + analyst).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        if (answer.statusCode() != 200) {
            throw new IOException("the alert stream answered " + answer.statusCode());
        }
        stream.lines = answer.body();
        stream.reader = new Thread(() -> stream.read(answer.body()), "bench-alert-stream");
        stream.reader.setDaemon(true);
        stream.reader.start();
        return stream;
    }

    private void read(Stream<String> events) {
        try {
            events.forEach(line -> {
                if (line.startsWith("data:")) {
                    long now = System.nanoTime();
                    JsonNode alert = JSON.readTree(line.substring("data:".length()).strip());
                    arrivals.putIfAbsent(alert.path("reportId").asString(""), now);
                }
            });
        } catch (RuntimeException closed) {
            // the stream ends when the bench closes it or the stack stops
        }
    }

    /** When the first alert about {@code reportId} arrived ({@link System#nanoTime}), or null. */
    Long arrival(String reportId) {
        return arrivals.get(reportId);
    }

    /** How many reports have had an alert on the stream, ours or not. */
    int total() {
        return arrivals.size();
    }

    long count(Collection<String> reportIds) {
        return reportIds.stream().filter(arrivals::containsKey).count();
    }

    /** Waits until an alert about each report has arrived, at most {@code within}; answers whether all did. */
    boolean awaitAll(Collection<String> reportIds, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (count(reportIds) < reportIds.size()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return true;
    }

    @Override
    public void close() {
        if (lines != null) {
            lines.close();
        }
    }
}
