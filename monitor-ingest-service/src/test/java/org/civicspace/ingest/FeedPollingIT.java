package org.civicspace.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpServer;

/** Feeds polled from a real HTTP server on loopback, all the way to records on the topic. */
class FeedPollingIT extends IngestIntegrationTest {

    static HttpServer server;
    final List<ConsumerRecord<String, String>> seen = new java.util.ArrayList<>();
    static final Map<String, String> FEEDS = new ConcurrentHashMap<>();
    static final AtomicInteger NOT_MODIFIED_ANSWERS = new AtomicInteger();

    @BeforeAll
    static void serveFeeds() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String feed = FEEDS.get(exchange.getRequestURI().getPath());
            String etag = "\"v1-" + exchange.getRequestURI().getPath().hashCode() + "\"";
            if (feed == null) {
                exchange.sendResponseHeaders(404, -1);
            } else if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                NOT_MODIFIED_ANSWERS.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
            } else {
                byte[] body = feed.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                exchange.getResponseHeaders().set("ETag", etag);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stopServing() {
        server.stop(0);
    }

    @Test
    void publishesEachNewItemOnceAndAsksOnlyForChangesAfterwards() {
        FEEDS.put("/first.xml", rss("Вести степи", item("https://news.example.kz/a/1?utm_source=rss",
                "В Алматы задержали активиста", "Полиция задержала гражданского активиста после пикета."),
                item("https://news.example.kz/a/2", "Court hearing postponed",
                        "A court in Astana postponed the hearing of a journalist's case.")));
        String feedId = register("/first.xml", "KZ");

        Map<String, Object> health = poll(feedId);

        assertThat(health).containsEntry("status", "ok").containsEntry("itemsSeen", 2).containsEntry("lastHttpStatus", 200);
        List<ConsumerRecord<String, String>> published = recordsMentioning("https://news.example.kz/a/1");
        assertThat(published).hasSize(1);
        assertThat(published.get(0).value()).contains("\"kind\":\"feed\"", "\"feedId\":\"" + feedId + "\"",
                "\"country\":\"KZ\"", "В Алматы задержали активиста", "\"sensitivity\":\"public\"");

        Map<String, Object> again = poll(feedId);

        assertThat(again).containsEntry("itemsSeen", 2).containsEntry("lastHttpStatus", 304);
        assertThat(NOT_MODIFIED_ANSWERS.get()).isPositive();
        assertThat(recordsMentioning("https://news.example.kz/a/1")).hasSize(1);
    }

    @Test
    void keepsTheIdOfAnItemFoundAgainThroughASecondFeedAndDoesNotRepublishIt() {
        String shared = item("https://wire.example.org/story/77", "Lawyers' association raided",
                "Officers searched the office of a lawyers' association and took its computers.");
        FEEDS.put("/wire-a.xml", rss("Wire A", shared));
        FEEDS.put("/wire-b.xml", rss("Wire B", shared));

        assertThat(poll(register("/wire-a.xml", null))).containsEntry("itemsSeen", 1);
        assertThat(poll(register("/wire-b.xml", null))).containsEntry("itemsSeen", 0).containsEntry("status", "ok");
        assertThat(recordsMentioning("https://wire.example.org/story/77")).hasSize(1);
    }

    @Test
    void marksTheSameStoryFromAnotherOutletAsANearDuplicateOfTheFirst() {
        String story = "Police in Bishkek detained three members of an independent trade union on Monday after they"
                + " announced a strike at the city's bus depot. Their lawyer said the three were taken to a district"
                + " police station and questioned for several hours without access to counsel. The union had"
                + " demanded unpaid wages for more than two hundred drivers and mechanics since the summer.";
        FEEDS.put("/outlet-1.xml", rss("Outlet one", item("https://one.example.kg/news/union", "Union members detained", story)));
        FEEDS.put("/outlet-2.xml", rss("Outlet two", item("https://two.example.kg/2026/union-detained",
                "Three trade unionists held in Bishkek", "BISHKEK. " + story + " Officials did not comment.")));

        poll(register("/outlet-1.xml", "KG"));
        poll(register("/outlet-2.xml", "KG"));

        String first = recordsMentioning("https://one.example.kg/news/union").get(0).key();
        assertThat(recordsMentioning("https://two.example.kg/2026/union-detained").get(0).value())
                .contains("\"duplicateOf\":\"" + first + "\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void showsWhatTheParserHadToRepairInTheFeedsHealth() {
        FEEDS.put("/repaired.xml", "  \n" + rss("Rights & wrongs",
                "<item><title>Picket dispersed in Osh</title><link>https://osh.example.kg/picket</link>"
                        + "<description>Police dispersed a picket outside the mayor's office.</description></item>",
                "<item><title></title><description></description></item>"));
        String feedId = register("/repaired.xml", "KG");
        poll(feedId);

        Map<String, Object> listed = admin().get().uri("/api/v1/feeds").exchange().expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody().stream()
                .filter(feed -> feedId.equals(feed.get("id"))).findFirst().orElseThrow();

        assertThat(listed).containsEntry("status", "ok, with warnings").containsEntry("itemsSeen", 1);
        assertThat((List<String>) listed.get("warnings")).anySatisfy(w -> assertThat(w).contains("stray ampersand"))
                .anySatisfy(w -> assertThat(w).contains("skipped 1 item"))
                .anySatisfy(w -> assertThat(w).contains("no usable date"));
    }

    @Test
    void recordsARefusedFeedInPlainWordsWithoutConnecting() {
        String feedId = admin().post().uri("/api/v1/feeds").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"url\": \"http://127.0.0.2:" + server.getAddress().getPort() + "/first.xml\"}")
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

        Map<String, Object> health = poll(feedId);

        assertThat(health.get("status").toString()).startsWith("failing");
        assertThat(health.get("lastError").toString()).contains("127.0.0.2");
        assertThat(health).containsEntry("consecutiveFailures", 1).containsEntry("itemsSeen", 0);
    }

    @Test
    void answersPollingAnUnknownFeedWithProblemDetails() {
        admin().post().uri("/api/v1/feeds/f-unknown/poll").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private String register(String path, String country) {
        String body = "{\"url\": \"http://127.0.0.1:" + server.getAddress().getPort() + path + "\""
                + (country == null ? "" : ", \"country\": \"" + country + "\"") + "}";
        return admin().post().uri("/api/v1/feeds").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(HttpStatus.CREATED)
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> poll(String feedId) {
        return admin().post().uri("/api/v1/feeds/" + feedId + "/poll").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Every record on the topic so far (after a short wait for stragglers) whose value names {@code text}. */
    private List<ConsumerRecord<String, String>> recordsMentioning(String text) {
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < until) {
            topic.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return seen.stream().filter(r -> r.value().contains(text)).toList();
    }

    private WebTestClient admin() {
        return client.mutateWith(mockJwt().jwt(jwt -> jwt.subject("admin-1")).authorities(role("admin")));
    }

    private static String rss(String title, String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>" + title
                + "</title><link>https://example.org/</link><description>test feed</description>"
                + String.join("", items) + "</channel></rss>";
    }

    private static String item(String link, String title, String description) {
        return "<item><title>" + title + "</title><link>" + link + "</link><description>" + description
                + "</description><pubDate>Mon, 16 Nov 2026 09:00:00 GMT</pubDate></item>";
    }
}
