package org.civicspace.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The demo: an analyst ({@code demo-analyst}) subscribed to KZ, KG and TJ, and a few partner
 * reports in English and Russian (written for the demo), submitted through the gateway like any
 * partner's. Half arrive at start; the rest one every few seconds after the stack is ready, so a
 * newcomer watching the alert stream sees them come in. Resubmitting is harmless: ids are stable.
 */
final class DemoData {

    static final String ANALYST = "demo-analyst";
    static final String PARTNER = "demo-partner";
    private static final String SUBSCRIPTION = """
            {"countries": ["KZ", "KG", "TJ"], "minUrgency": "routine", "channel": "sse", "cadence": "immediate"}""";
    private static final Duration TRICKLE_EVERY = Duration.ofSeconds(8);

    private DemoData() {
    }

    /** Subscribes the demo analyst (once) and submits the first half of the reports. */
    static void load(LocalStack stack, Consumer<String> progress) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String analyst = stack.token(ANALYST, "analyst");
        HttpResponse<String> existing = http.send(request(stack, "/api/v1/subscriptions", analyst).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (existing.statusCode() == 200 && existing.body().contains("\"KZ\"")) {
            progress.accept("demo: " + ANALYST + " is already subscribed to KZ, KG, TJ");
        } else {
            expect(http.send(request(stack, "/api/v1/subscriptions", analyst)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(SUBSCRIPTION)).build(),
                    HttpResponse.BodyHandlers.ofString()), "subscribe " + ANALYST);
            progress.accept("demo: subscribed " + ANALYST + " to KZ, KG, TJ");
        }
        List<String> reports = reports();
        int submitted = submit(stack, http, reports.subList(0, reports.size() / 2));
        progress.accept("demo: " + submitted + " new reports submitted");
    }

    /** Submits the second half of the reports in the background, one every few seconds. */
    static void trickle(LocalStack stack, Consumer<String> progress) {
        Thread thread = new Thread(() -> {
            try {
                HttpClient http = HttpClient.newHttpClient();
                List<String> reports = reports();
                for (String report : reports.subList(reports.size() / 2, reports.size())) {
                    Thread.sleep(TRICKLE_EVERY.toMillis());
                    if (submit(stack, http, List.of(report)) == 1) {
                        progress.accept("demo: one more report submitted");
                    }
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                progress.accept("demo: stopped submitting (" + e + ")");
            }
        }, "civicspace-demo");
        thread.setDaemon(true);
        thread.start();
    }

    /** Submits reports as the demo partner; answers how many were new (202, not 200). */
    private static int submit(LocalStack stack, HttpClient http, List<String> reports)
            throws IOException, InterruptedException {
        String partner = stack.token(PARTNER, "partner");
        int created = 0;
        for (String report : reports) {
            HttpResponse<String> answer = expect(http.send(request(stack, "/api/v1/reports", partner)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(report)).build(),
                    HttpResponse.BodyHandlers.ofString()), "submit a demo report");
            if (answer.statusCode() == 202) {
                created++;
            }
        }
        return created;
    }

    static List<String> reports() throws IOException {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/reports.ndjson")) {
            if (in == null) {
                throw new IOException("the demo reports are missing from the class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank()).toList();
        }
    }

    private static HttpRequest.Builder request(LocalStack stack, String path, String token) {
        return HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> expect(HttpResponse<String> answer, String what) throws IOException {
        if (answer.statusCode() >= 300) {
            throw new IOException("could not " + what + ": HTTP " + answer.statusCode() + " " + answer.body());
        }
        return answer;
    }
}
