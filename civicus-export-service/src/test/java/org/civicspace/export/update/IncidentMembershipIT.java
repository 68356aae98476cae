package org.civicspace.export.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civicspace.events.Topics;
import org.civicspace.export.update.application.IncidentStore;
import org.civicspace.export.update.domain.Incident;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/** {@code IncidentChanged} in from the real broker: which reports make one incident, newest revision kept. */
class IncidentMembershipIT extends UpdateTestContext {

    @Autowired
    IncidentStore incidents;

    @Test
    void looksUpEachReportsIncident() {
        String incident = "inc-" + UUID.randomUUID();
        send(Topics.INCIDENT_CHANGED, "KZ", incidentChanged(incident, "KZ", 1, "r-a1", "r-a2"));

        Map<String, Incident> found = awaitIncidents(List.of("r-a1", "r-a2", "r-none"), 2);
        assertThat(found.get("r-a1").id()).isEqualTo(incident);
        assertThat(found.get("r-a2").id()).isEqualTo(incident);
        assertThat(found).doesNotContainKey("r-none");
    }

    @Test
    void keepsTheHighestRevisionWhateverOrderTheyArriveIn() {
        String incident = "inc-" + UUID.randomUUID();
        String[] reports = {"r-" + UUID.randomUUID(), "r-" + UUID.randomUUID(), "r-" + UUID.randomUUID()};
        send(Topics.INCIDENT_CHANGED, "KG", incidentChanged(incident, "KG", 2, reports[1], reports[2]));
        send(Topics.INCIDENT_CHANGED, "KG", incidentChanged(incident, "KG", 2, reports[1], reports[2]));
        send(Topics.INCIDENT_CHANGED, "KG", incidentChanged(incident, "KG", 1, reports[0], reports[1]));
        // one key, one partition: once the marker is in, the three before it were handled
        String marker = "inc-" + UUID.randomUUID();
        send(Topics.INCIDENT_CHANGED, "KG", incidentChanged(marker, "KG", 1, "r-marker-" + marker));
        awaitIncidents(List.of("r-marker-" + marker), 1);

        Map<String, Incident> found = incidents.incidentsOf(List.of(reports)).block();
        assertThat(found).as("revision 1 came late and listed the first report; revision 2 does not")
                .doesNotContainKey(reports[0]).containsKeys(reports[1], reports[2]);
        assertThat(found.get(reports[2]).revision()).isEqualTo(2);
    }

    @Test
    void deadLettersPoisonMessagesAndStillRecordsTheNextGoodOne() {
        String key = "poison-" + UUID.randomUUID();
        String notJson = "{ this is not an incident";
        String noReports = incidentChanged("inc-" + UUID.randomUUID(), "KZ", 1).replace("\"reportIds\": []",
                "\"reportIds\": null");
        String good = "inc-" + UUID.randomUUID();
        try (Consumer<String, String> deadLetters = deadLetterConsumer()) {
            send(Topics.INCIDENT_CHANGED, key, notJson);
            send(Topics.INCIDENT_CHANGED, key, noReports);
            send(Topics.INCIDENT_CHANGED, key, incidentChanged(good, "KZ", 1, "r-good-" + good));

            assertThat(awaitIncidents(List.of("r-good-" + good), 1).get("r-good-" + good).id()).isEqualTo(good);
            List<ConsumerRecord<String, String>> dead = recordsKeyed(deadLetters, key, 2);
            assertThat(dead).extracting(ConsumerRecord::value).containsExactly(notJson, noReports);
            assertThat(dead).allSatisfy(record -> {
                assertThat(header(record, "x-original-topic")).isEqualTo(Topics.INCIDENT_CHANGED);
                assertThat(header(record, "x-exception-message")).isNotBlank();
            });
        }
    }

    private Map<String, Incident> awaitIncidents(List<String> reportIds, int expected) {
        await("incident membership of " + reportIds,
                () -> incidents.incidentsOf(reportIds).block().size() >= expected);
        return incidents.incidentsOf(reportIds).block();
    }

    /** An IncidentChanged as alert-service puts it on the wire. */
    static String incidentChanged(String incidentId, String country, int revision, String... reportIds) {
        String ids = String.join(", ", Arrays.stream(reportIds).map(id -> "\"" + id + "\"").toList());
        return """
                {"eventId": "%s", "occurredAt": "2026-11-02T09:00:00Z", "incidentId": "%s", "country": "%s",
                 "status": "open", "urgency": "urgent", "sensitivity": "public",
                 "freedoms": ["peaceful_assembly"], "violationTypes": ["protester_detained"],
                 "reportIds": [%s], "corroboration": %d,
                 "firstReportedAt": "2026-11-01T10:00:00Z", "lastReportedAt": "2026-11-02T08:00:00Z",
                 "revision": %d}
                """.formatted(UUID.randomUUID(), incidentId, country, ids, Math.max(1, reportIds.length), revision);
    }

    private Consumer<String, String> deadLetterConsumer() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "incident-dlq-test-" + UUID.randomUUID(), false);
        Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new StringDeserializer()).createConsumer();
        broker.consumeFromAnEmbeddedTopic(consumer, INCIDENT_DEAD_LETTERS);
        return consumer;
    }

    private static List<ConsumerRecord<String, String>> recordsKeyed(Consumer<String, String> consumer, String key,
            int count) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (found.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (key.equals(record.key())) {
                    found.add(record);
                }
            });
        }
        assertThat(found).as("dead letters keyed %s", key).hasSize(count);
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
