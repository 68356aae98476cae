package org.civicspace.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicspace.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;

import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Classified reports in, alerts out: on the SSE stream, in the store and on the AlertRaised topic. */
@ExtendWith(OutputCaptureExtension.class)
class AlertDeliveryIT extends AlertServiceTestBase {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aSubscriberToKazakhstanSeesTheAlertLiveAndItIsPublishedKeyedByCountry() {
        String subscriptionId = subscribe("kz-watcher", "{\"countries\": [\"KZ\"]}");
        String reportId = uniqueId("r-kz");

        StepVerifier.create(alertStream("kz-watcher", "KZ", null))
                .then(() -> produceUnchecked("KZ", publicReport(reportId, "KZ", "urgent")))
                .assertNext(event -> {
                    assertThat(event.event()).isEqualTo("alert");
                    assertThat(event.id()).matches("\\d+");
                    assertThat(event.data()).contains("\"reportId\":\"" + reportId + "\"",
                            "\"subscriber\":\"kz-watcher\"", "\"country\":\"KZ\"", "\"urgency\":\"urgent\"",
                            "\"headline\":\"Picket dispersed in the capital " + reportId + "\"");
                })
                .thenCancel()
                .verify(PATIENCE);

        List<ConsumerRecord<String, String>> published = records(alertRaised,
                alertOf(reportId, subscriptionId), Duration.ofMillis(500));
        assertThat(published).hasSize(1);
        assertThat(published.get(0).key()).isEqualTo("KZ");
        assertThat(published.get(0).value()).contains("\"sensitivity\":\"public\"", "\"eventId\":",
                "\"occurredAt\":", "\"freedoms\":[\"peaceful_assembly\"]");
        assertThat(header(published.get(0), Topics.SENSITIVITY_HEADER)).isEqualTo("public");
    }

    @Test
    void raisesNothingForAnotherCountryBelowTheMinimumUrgencyOrNotRelevant() throws Exception {
        subscribe("am-picky", "{\"countries\": [\"AM\"], \"minUrgency\": \"high\"}");
        subscribe("am-az-witness", "{\"countries\": [\"AM\", \"AZ\"]}");
        String otherCountry = uniqueId("r-az");
        String routine = uniqueId("r-am-routine");
        String notRelevant = uniqueId("r-am-irrelevant");
        String high = uniqueId("r-am-high");

        produce("AZ", publicReport(otherCountry, "AZ", "urgent"));
        produce("AM", publicReport(routine, "AM", "routine"));
        produce("AM", publicReport(notRelevant, "AM", "not_relevant"));
        produce("AM", publicReport(high, "AM", "high"));

        // the witness hears of every relevant report, which shows that all four were handled
        List<Map<String, Object>> witnessed = awaitStoredAlerts("am-az-witness", "AM,AZ", alerts -> alerts.size() == 3);
        assertThat(witnessed).extracting(a -> a.get("reportId")).containsExactlyInAnyOrder(otherCountry, routine, high);
        assertThat(storedAlerts("am-picky", "AM,AZ")).extracting(a -> a.get("reportId")).containsExactly(high);
    }

    @Test
    void theSameReportDeliveredTwiceRaisesOneAlertAndPublishesItOnce() throws Exception {
        String subscriptionId = subscribe("uz-watcher", "{\"countries\": [\"UZ\"]}");
        String reportId = uniqueId("r-uz");
        String marker = uniqueId("r-uz-marker");
        String report = publicReport(reportId, "UZ", "high");

        produce("UZ", report);
        produce("UZ", report);
        produce("UZ", publicReport(marker, "UZ", "high"));

        // one key, one partition: once the marker's alert exists, both deliveries were handled
        List<Map<String, Object>> alerts = awaitStoredAlerts("uz-watcher", "UZ",
                stored -> stored.stream().anyMatch(a -> marker.equals(a.get("reportId"))));
        assertThat(alerts).extracting(a -> a.get("reportId")).containsExactly(marker, reportId);
        assertThat(records(alertRaised, alertOf(reportId, subscriptionId), Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void aConfidentialReportIsAnnouncedWithoutItsTitleTextOrNames(CapturedOutput output) {
        String subscriptionId = subscribe("tj-watcher", "{\"countries\": [\"TJ\"]}");
        String reportId = uniqueId("r-tj");
        String title = "Defender Zarina Nurmatova detained in Dushanbe";
        String text = "Security officers took Zarina Nurmatova from her home at night; her family does not know where.";
        String neutral = "New confidential report about TJ (urgent) — sign in to read it";

        StepVerifier.create(alertStream("tj-watcher", "TJ", null))
                .then(() -> produceUnchecked("TJ", reportClassified(reportId, "TJ", "urgent", "confidential", title,
                        text, "{\"name\": \"Zarina Nurmatova\", \"role\": \"defender\", \"protected\": true}")))
                .assertNext(event -> assertThat(event.data())
                        .contains("\"headline\":\"" + neutral + "\"", "\"sensitivity\":\"confidential\"")
                        .doesNotContain("Zarina", "Nurmatova", "Dushanbe", "Security officers"))
                .thenCancel()
                .verify(PATIENCE);

        ConsumerRecord<String, String> published = records(alertRaised, alertOf(reportId, subscriptionId),
                Duration.ZERO).get(0);
        assertThat(published.value()).contains(neutral).doesNotContain("Zarina", "Nurmatova", "Dushanbe", "officers");
        assertThat(header(published, Topics.SENSITIVITY_HEADER)).isEqualTo("confidential");
        assertThat(storedAlerts("tj-watcher", "TJ").get(0).get("headline")).isEqualTo(neutral);
        assertThat(output.getAll()).doesNotContain("Zarina", "Nurmatova");
    }

    @Test
    void aReconnectingClientGetsWhatItMissedOnceAndThenLiveAlerts() throws Exception {
        subscribe("kg-watcher", "{\"countries\": [\"KG\"]}");
        List<String> reports = List.of(uniqueId("r-kg-1"), uniqueId("r-kg-2"), uniqueId("r-kg-3"));
        for (String reportId : reports) {
            produce("KG", publicReport(reportId, "KG", "urgent"));
        }
        List<Map<String, Object>> stored = awaitStoredAlerts("kg-watcher", "KG", alerts -> alerts.size() == 3);
        List<Long> seqs = stored.stream().map(a -> ((Number) a.get("seq")).longValue())
                .sorted(Comparator.naturalOrder()).toList();
        String live = uniqueId("r-kg-4");

        StepVerifier.create(alertStream("kg-watcher", "KG", seqs.get(0)))
                .assertNext(event -> assertAlert(event, seqs.get(1), reports.get(1)))
                .assertNext(event -> assertAlert(event, seqs.get(2), reports.get(2)))
                .then(() -> produceUnchecked("KG", publicReport(live, "KG", "urgent")))
                .assertNext(event -> assertThat(event.data()).contains("\"reportId\":\"" + live + "\""))
                .expectNoEvent(Duration.ofSeconds(1))
                .thenCancel()
                .verify(PATIENCE);
    }

    @Test
    void aStreamSendsHeartbeatCommentsWhileNothingHappens() {
        Flux<ServerSentEvent<String>> everything = client.mutateWith(as("quiet-watcher", "advocacy"))
                .get().uri("/api/v1/alerts/stream?country=MN")
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody();

        StepVerifier.create(everything.take(2))
                .assertNext(event -> assertThat(event.comment()).isEqualTo("heartbeat"))
                .assertNext(event -> assertThat(event.comment()).isEqualTo("heartbeat"))
                .verifyComplete();
    }

    @Test
    void aPoisonMessageIsDeadLetteredAndTheNextGoodOneStillRaisesItsAlert() throws Exception {
        subscribe("md-watcher", "{\"countries\": [\"MD\"]}");
        String poison = "not json at all " + uniqueId("poison");
        String good = uniqueId("r-md");

        produce("MD", poison);
        produce("MD", publicReport(good, "MD", "high"));

        ConsumerRecord<String, String> dead = records(deadLetters, r -> poison.equals(r.value()), Duration.ZERO).get(0);
        assertThat(dead.key()).isEqualTo("MD");
        assertThat(dead.headers().lastHeader("x-exception-message")).isNotNull();
        awaitStoredAlerts("md-watcher", "MD", alerts -> alerts.size() == 1 && good.equals(alerts.get(0).get("reportId")));
    }

    private static void assertAlert(ServerSentEvent<String> event, long seq, String reportId) {
        assertThat(event.id()).isEqualTo(Long.toString(seq));
        assertThat(event.data()).contains("\"reportId\":\"" + reportId + "\"");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
