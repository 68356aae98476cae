package org.civicspace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.civicspace.ingest.application.ManageFeedsUseCase;
import org.civicspace.ingest.domain.ReportIds;
import org.civicspace.ingest.domain.feed.Feed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import com.sun.net.httpserver.HttpServer;

/**
 * The service closing while its scheduler is in the middle of a round: the poll under way
 * finishes and records its outcome, and nothing fails against a store that is closing.
 */
@ExtendWith(OutputCaptureExtension.class)
class FeedPollingShutdownIT extends IngestIntegrationTest {

    @Test
    void closingDuringARoundLetsThePollUnderWayFinishAndRecordItsOutcome(CapturedOutput output) throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        HttpServer slowFeed = slowFeedServer(asked);
        URI url = URI.create("http://127.0.0.1:" + slowFeed.getAddress().getPort() + "/slow.xml");
        try {
            ConfigurableApplicationContext polling = IngestApplication.application().run(
                    "--server.port=0",
                    "--spring.mongodb.uri=" + MONGO_URI,
                    "--spring.cloud.stream.kafka.binder.brokers=" + System.getProperty("spring.embedded.kafka.brokers"),
                    "--spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:test-jwt-public.pem",
                    "--civicspace.ingest.fetch.allow-private-hosts=127.0.0.1",
                    "--civicspace.ingest.polling.tick=100ms",
                    "--civicspace.ingest.polling.first-poll-spread=1ms");
            polling.getBean(ManageFeedsUseCase.class)
                    .register(url, "slow", "en", "AM", Duration.ofMinutes(30), true).block();
            assertThat(asked.await(20, TimeUnit.SECONDS)).as("the scheduler asked for the feed").isTrue();

            polling.close();
        } finally {
            slowFeed.stop(0);
        }

        Feed polled = context.getBean(ManageFeedsUseCase.class).feeds()
                .filter(feed -> feed.url().equals(url)).blockFirst();
        assertThat(polled.health().lastSuccess()).as("the poll under way recorded its outcome").isNotNull();
        assertThat(polled.health().itemsSeen()).isEqualTo(1);
        assertThat(recordsKeyed(publishedKey(), Duration.ZERO)).hasSize(1);
        assertThat(output.getAll()).doesNotContain("failed unexpectedly", "state should be: open",
                "a round of feed polling failed");
    }

    private String publishedKey() {
        return ReportIds.of("feed-item", "link:https://yerevan.example.am/news/vigil");
    }

    /** Answers one feed, a second and a half after being asked: long enough to close the service meanwhile. */
    private static HttpServer slowFeedServer(CountDownLatch asked) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            asked.countDown();
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Slow</title>"
                    + "<item><title>Vigil in Yerevan</title><link>https://yerevan.example.am/news/vigil</link>"
                    + "<description>Several hundred people held a candlelit vigil for a detained journalist."
                    + "</description></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
