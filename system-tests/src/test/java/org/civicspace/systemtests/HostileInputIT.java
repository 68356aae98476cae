package org.civicspace.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.civicspace.localstack.LocalStack;
import org.civicspace.localstack.Ports;
import org.civicspace.localstack.StackOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A corpus of hostile requests against every kind of entry point of the public API, through the
 * gateway with real tokens, while a partner sends good reports at the same time: malformed and
 * oversized JSON, NDJSON and CSV, wrong types, control characters and invalid UTF-8, a 1 MB title,
 * path traversal in ids and formats, addresses a feed must never be fetched from. Each must get a
 * 4xx problem detail of our own words — no stack trace, no internal address — every service must be
 * up afterwards, and every good report sent meanwhile must be archived. The table of answers is
 * printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    private static final String CSV = "text/csv";
    private static final int GOOD_REPORTS = 20;

    /** One hostile request: who sends it, where, what, and the answer it must get. */
    record Case(String name, String role, String method, String path, String type, byte[] body, int... expected) {
    }

    private LocalStack stack;

    @BeforeAll
    void start() throws Exception {
        System.setProperty("civicspace.logs", Path.of("target", "stack-logs").toAbsolutePath().toString());
        StackOptions options = Ports.onFreePorts(StackOptions.defaults(Files.createTempDirectory("civicspace-hostile")))
                .withProperties(Map.of("civicspace.gateway.rate-limits.enabled", "false"));
        stack = LocalStack.start(options, line -> System.out.println("[stack] " + line));
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyHostileRequestGetsAClearRefusalWhileGoodReportsAllArrive() throws Exception {
        List<Case> corpus = corpus();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        Map<String, String> goodIds = new ConcurrentHashMap<>();
        String partner = stack.token("partner-good", "partner");
        CompletableFuture<Void> good = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < GOOD_REPORTS; i++) {
                String json = """
                        {"title": "Picket %1$d dispersed in Almaty", "partnerReference": "good-%1$d",
                         "text": "Police in Almaty, Kazakhstan, dispersed a peaceful picket (%1$d) and detained two activists."}
                        """.formatted(i);
                HttpResponse<String> answer = send("partner", partner, "POST", "/api/v1/reports", JSON,
                        json.getBytes(StandardCharsets.UTF_8));
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
                goodIds.put("good-" + i, idIn(answer.body()));
            }
        }, senders);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (Case hostile : corpus) {
            answers.add(CompletableFuture.supplyAsync(() -> check(hostile), senders));
        }
        good.get();
        List<String> table = new ArrayList<>();
        for (CompletableFuture<String> answer : answers) {
            table.add(answer.get());
        }
        senders.shutdown();

        System.out.println("hostile input: " + corpus.size() + " cases");
        table.forEach(line -> System.out.println("  " + line));

        String analyst = stack.token("analyst-hostile", "analyst");
        for (String id : goodIds.values()) {
            Awaitility.await("good report " + id + " archived").atMost(Duration.ofSeconds(60))
                    .until(() -> send("analyst", analyst, "GET", "/api/v1/reports/" + id, null, null).statusCode() == 200);
        }
        assertThat(goodIds).hasSize(GOOD_REPORTS);
        for (String service : List.of("gateway", "monitor-ingest-service", "classification-service", "alert-service",
                "civicus-export-service")) {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + stack.port(service) + "/actuator/health")).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).as(service).contains("\"status\":\"UP\"");
        }
    }

    /** Sends one case and checks its answer; answers its line of the table. */
    private String check(Case hostile) {
        try {
            HttpResponse<String> answer = send(hostile.role(), stack.token("hostile-" + hostile.role(), hostile.role()),
                    hostile.method(), hostile.path(), hostile.type(), hostile.body());
            assertThat(answer.statusCode()).as(hostile.name() + ": " + answer.body())
                    .isIn(java.util.Arrays.stream(hostile.expected()).boxed().toList());
            assertThat(answer.headers().firstValue("Content-Type")).as(hostile.name())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).as(hostile.name())
                    .contains("\"status\":" + answer.statusCode())
                    .doesNotContain("Exception", "\tat ", "at org.", "at java.", "127.0.0.1", "localhost", "<script",
                            "org.civicspace", "java.util", "tools.jackson");
            return String.format("%-60s %d %s", hostile.name(), answer.statusCode(),
                    answer.body().length() > 110 ? answer.body().substring(0, 110) + "…" : answer.body());
        } catch (Exception e) {
            throw new AssertionError(hostile.name(), e);
        }
    }

    private List<Case> corpus() {
        String title = "T".repeat(1_048_576);
        byte[] invalidUtf8 = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"',
            ',', '"', 't', 'e', 'x', 't', '"', ':', '"', 'x', '"', '}', '\n'};
        return List.of(
                json("report: JSON cut short", "partner", "POST", "/api/v1/reports", "{\"title\": \"Detained", 400),
                json("report: not an object", "partner", "POST", "/api/v1/reports", "[1, 2, 3]", 400),
                json("report: wrong types", "partner", "POST", "/api/v1/reports",
                        "{\"title\": 5, \"text\": [\"a\"], \"persons\": \"everyone\"}", 400),
                json("report: unknown sensitivity", "partner", "POST", "/api/v1/reports",
                        "{\"title\": \"t\", \"text\": \"x\", \"sensitivity\": \"top-secret\"}", 400),
                json("report: control characters only", "partner", "POST", "/api/v1/reports",
                        "{\"title\": \"\\u0000\\u0007\\u001b\", \"text\": \"\\u0000\"}", 400),
                json("report: a 1 MB title", "partner", "POST", "/api/v1/reports",
                        "{\"title\": \"" + title + "\", \"text\": \"x\"}", 400, 413),
                json("report: a date in the year 30000", "partner", "POST", "/api/v1/reports",
                        "{\"title\": \"t\", \"text\": \"x\", \"occurredAt\": \"+30000-01-01T00:00:00Z\"}", 400),
                json("report: deeply nested", "partner", "POST", "/api/v1/reports",
                        "{\"title\": \"t\", \"text\": \"x\", \"hints\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}", 400),
                new Case("batch: NDJSON that is not UTF-8", "partner", "POST", "/api/v1/reports/batch", NDJSON, invalidUtf8,
                        400),
                new Case("batch: CSV with an unknown column", "partner", "POST", "/api/v1/reports/batch", CSV,
                        "title,text,password\nt,x,y\n".getBytes(StandardCharsets.UTF_8), 400),
                new Case("batch: empty", "partner", "POST", "/api/v1/reports/batch", NDJSON, new byte[0], 400),
                new Case("batch: over the size limit", "partner", "POST", "/api/v1/reports/batch", NDJSON,
                        ("{\"title\":\"t\",\"text\":\"" + "x".repeat(1_000) + "\"}\n").repeat(70_000)
                                .getBytes(StandardCharsets.UTF_8), 413),
                json("classify: JSON cut short", "analyst", "POST", "/api/v1/classify", "{\"text\": ", 400),
                json("classify: wrong types", "analyst", "POST", "/api/v1/classify", "{\"title\": {}, \"text\": 7}", 400),
                json("subscription: wrong types", "analyst", "POST", "/api/v1/subscriptions",
                        "{\"countries\": \"KZ\", \"minUrgency\": 3}", 400),
                json("update: country as a path", "editor", "POST", "/api/v1/updates",
                        "{\"country\": \"../../etc\", \"from\": \"2026-01-01\", \"to\": \"2026-01-31\"}", 400),
                json("update: period backwards", "editor", "POST", "/api/v1/updates",
                        "{\"country\": \"KZ\", \"from\": \"2026-02-01\", \"to\": \"2026-01-01\"}", 400),
                json("update: traversal in the id", "editor", "GET", "/api/v1/updates/..%2F..%2Fetc%2Fpasswd/export?format=md",
                        null, 400, 404),
                json("update: traversal in the format", "editor", "GET",
                        "/api/v1/updates/u-nothing/export?format=..%2F..%2Fetc%2Fpasswd", null, 400, 404),
                json("report read: traversal in the id", "analyst", "GET", "/api/v1/reports/..%2F..%2Farchived_reports",
                        null, 400, 404),
                json("rating: not a rating", "editor", "PUT", "/api/v1/countries/KZ/rating",
                        "{\"rating\": \"<script>alert(1)</script>\", \"since\": \"2026-01-01\"}", 400),
                json("feed: a file URL", "admin", "POST", "/api/v1/feeds",
                        "{\"url\": \"file:///etc/passwd\", \"title\": \"x\", \"language\": \"en\", \"country\": \"KZ\"}", 400),
                json("feed: not a URL", "admin", "POST", "/api/v1/feeds",
                        "{\"url\": \"javascript:alert(1)\", \"title\": \"x\"}", 400));
    }

    private static Case json(String name, String role, String method, String path, String body, int... expected) {
        return new Case(name, role, method, path, body == null ? null : JSON,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), expected);
    }

    private HttpResponse<String> send(String role, String token, String method, String path, String type, byte[] body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(role + " " + method + " " + path, e);
        }
    }

    private static String idIn(String json) {
        Matcher matcher = ID.matcher(json);
        assertThat(matcher.find()).as("an id in %s", json).isTrue();
        return matcher.group(1);
    }
}
