package org.civicspace.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.civicspace.localstack.LocalStack;
import org.civicspace.localstack.StackOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The walking skeleton end to end, on a stack started the way {@code civicspace up} starts it: a
 * partner's report in through the gateway, classified, an alert out on an analyst's live stream,
 * the report archived — and still there after a restart on the same data folder. Each subclass
 * says which Kafka and MongoDB the stack runs on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class WholeFlowScenario {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    StackOptions options;
    LocalStack stack;
    String reportId;

    /** The stack's options for a fresh data folder: its ports, and any external infrastructure. */
    abstract StackOptions options(Path data) throws IOException;

    @BeforeAll
    void startStack() throws Exception {
        System.setProperty("civicspace.logs", Path.of("target", "stack-logs").toAbsolutePath().toString());
        options = options(Files.createTempDirectory("civicspace-it"));
        stack = LocalStack.start(options, line -> System.out.println("[stack] " + line));
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void refusesARequestWithoutAToken() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/alerts?country=KZ")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void aPartnersReportOfADetentionReachesTheAnalystsLiveStreamAndTheArchive() throws Exception {
        String analyst = stack.token("analyst-aliya", "analyst");
        String partner = stack.token("partner-ngo", "partner");
        HttpResponse<String> subscribed = send(HttpRequest.newBuilder(uri("/api/v1/subscriptions"))
                .header("Authorization", "Bearer " + analyst).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"countries\": [\"KZ\", \"KG\"]}")));
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);

        List<String> streamed = new CopyOnWriteArrayList<>();
        HttpRequest watch = HttpRequest.newBuilder(uri("/api/v1/alerts/stream?country=KZ"))
                .header("Authorization", "Bearer " + analyst).header("Accept", "text/event-stream").GET().build();
        HTTP.sendAsync(watch, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(streamed::add));
        Thread.sleep(1_000); // the stream is live before the report is sent

        HttpResponse<String> submitted = send(HttpRequest.newBuilder(uri("/api/v1/reports"))
                .header("Authorization", "Bearer " + partner).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"title": "Trade union leader detained in Karaganda",
                         "text": "Police in Karaganda, Kazakhstan, detained a human rights defender who leads an independent trade union. His family says he is still held.",
                         "language": "en", "partnerReference": "wf-001", "sensitivity": "public"}
                        """)));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        reportId = idIn(submitted.body());

        Awaitility.await("the alert on the live stream").atMost(Duration.ofSeconds(30))
                .until(() -> streamed.stream().anyMatch(line -> line.startsWith("data:") && line.contains(reportId)));
        assertThat(streamed).anyMatch(line -> line.startsWith("event:") && line.contains("alert"));
        assertThat(streamed).anyMatch(line -> line.startsWith("id:"));

        Awaitility.await("the archived report").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> archived = readReport(analyst);
            assertThat(archived.statusCode()).isEqualTo(200);
            assertThat(archived.body()).contains("\"country\":\"KZ\"", "Trade union leader detained");
        });
    }

    @Test
    @Order(3)
    void theArchivedReportSurvivesARestartOnTheSameDataFolder() throws Exception {
        assertThat(reportId).as("the flow test ran first").isNotNull();
        stack.close();
        stack = LocalStack.start(options, line -> System.out.println("[stack, again] " + line));

        HttpResponse<String> archived = readReport(stack.token("analyst-aliya", "analyst"));
        assertThat(archived.statusCode()).isEqualTo(200);
        assertThat(archived.body()).contains(reportId, "Trade union leader detained");
    }

    private HttpResponse<String> readReport(String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/api/v1/reports/" + reportId))
                .header("Authorization", "Bearer " + token).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(stack.gatewayUrl() + path);
    }

    private static String idIn(String json) {
        Matcher matcher = ID.matcher(json);
        assertThat(matcher.find()).as("an id in %s", json).isTrue();
        return matcher.group(1);
    }
}
