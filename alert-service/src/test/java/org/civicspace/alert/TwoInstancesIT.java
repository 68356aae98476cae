package org.civicspace.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicspace.alert.ReportJson.report;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.test.StepVerifier;

/**
 * Two instances of the service on one broker and one store: the shared test context (A), which
 * consumes the reports, and a second one (B) started here, which consumes none — a client on B
 * still sees what A raised, once.
 */
class TwoInstancesIT extends AlertServiceTestBase {

    ConfigurableApplicationContext instanceB;
    WebTestClient clientB;

    @BeforeEach
    void startInstanceB() {
        instanceB = AlertApplication.application().run(
                "--server.port=0",
                "--spring.mongodb.uri=" + context.getEnvironment().getProperty("spring.mongodb.uri"),
                "--spring.cloud.stream.kafka.binder.brokers=" + System.getProperty("spring.embedded.kafka.brokers"),
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:test-jwt-public.pem",
                // B reads alerts for its streams and no reports: whatever it shows, A raised
                "--spring.cloud.function.definition=streamAlerts",
                "--spring.cloud.stream.kafka.bindings.streamAlerts-in-0.consumer.start-offset=earliest",
                // and leaves A's outbox, urgent actions and incidents alone
                "--civicspace.alert.delivery.poll-interval=1h",
                "--civicspace.alert.urgent.check-every=1h",
                "--civicspace.alert.incidents.republish-after=1h");
        clientB = WebTestClient.bindToApplicationContext(instanceB).apply(springSecurity()).configureClient()
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterEach
    void stopInstanceB() {
        instanceB.close();
    }

    @Test
    void aClientStreamingFromOneInstanceSeesAnAlertRaisedOnTheOtherOnce() {
        // subscribed through B, matched by A: both read one store
        clientB.mutateWith(as("al-watcher", "analyst"))
                .post().uri("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"countries\": [\"AL\"]}")
                .exchange()
                .expectStatus().isCreated();
        String reportId = uniqueId("r-al");

        StepVerifier.create(clientB.mutateWith(as("al-watcher", "analyst"))
                        .get().uri("/api/v1/alerts/stream?country=AL")
                        .accept(MediaType.TEXT_EVENT_STREAM)
                        .exchange()
                        .expectStatus().isOk()
                        .returnResult(String.class)
                        .getResponseBody()
                        .filter(data -> data.contains("alertId")))
                .then(() -> produceUnchecked("AL", report(reportId, "AL").fromFeed("feed-al").json()))
                .assertNext(data -> assertThat(data).contains("\"reportId\":\"" + reportId + "\"", "\"revision\":1"))
                .expectNoEvent(Duration.ofSeconds(2))
                .thenCancel()
                .verify(Duration.ofSeconds(60));
    }
}
