package org.civicspace.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicspace.alert.ReportJson.report;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicspace.alert.application.IncidentService;
import org.civicspace.alert.application.IncidentStore;
import org.civicspace.alert.domain.incident.Incident;
import org.civicspace.alert.domain.incident.IncidentReport;
import org.civicspace.alert.domain.incident.Pseudonyms;
import org.civicspace.events.Classification;
import org.civicspace.events.Freedom;
import org.civicspace.events.IncidentChanged;
import org.civicspace.events.Report;
import org.civicspace.events.ReportClassified;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Source;
import org.civicspace.events.Topics;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.json.JsonMapper;

/** {@code IncidentChanged}: one record per revision of an incident, ids and tags only, at least once. */
class IncidentChangedIT extends AlertServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    IncidentStore store;

    @Autowired
    IncidentService incidents;

    @Autowired
    Pseudonyms pseudonyms;

    @Test
    void everyChangeOfAnIncidentIsPublishedWithAGrowingRevisionAndItsReportIdsInOrder() throws Exception {
        String first = uniqueId("r-mn-partner");
        String second = uniqueId("r-mn-feed");
        String third = uniqueId("r-mn-urgent");
        String release = uniqueId("r-mn-release");
        produce("MN", report(first, "MN").fromPartner("partner-ub").person("Bat-Erdene Gantulga", false)
                .title("Land rights defender detained " + first).text("Police detained Bat-Erdene Gantulga at home.")
                .json());
        produce("MN", report(second, "MN").fromFeed("feed-mn-a").entity("person", "Бат-Эрдэнэ Гантулга")
                .occurredAt("2026-11-20T12:00:00Z").json());
        produce("MN", report(third, "MN").fromFeed("feed-mn-b").entity("person", "Bat-Erdene Gantulga")
                .urgency("urgent").occurredAt("2026-11-21T08:00:00Z").json());
        produce("MN", report(release, "MN").fromFeed("feed-mn-a").entity("person", "Bat-Erdene Gantulga")
                .violations("positive_development").urgency("routine").occurredAt("2026-11-22T08:00:00Z").json());

        List<ConsumerRecord<String, String>> published = records(incidentChanged,
                r -> r.value().contains("\"" + first + "\""), Duration.ofSeconds(2));
        while (published.size() < 4) {
            published.addAll(records(incidentChanged, r -> r.value().contains("\"" + first + "\""),
                    Duration.ofSeconds(1)));
        }
        List<IncidentChanged> events = published.stream().map(r -> JSON.readValue(r.value(), IncidentChanged.class))
                .toList();

        assertThat(events).extracting(IncidentChanged::revision).containsExactly(1, 2, 3, 4);
        assertThat(events).extracting(IncidentChanged::incidentId).containsOnly(events.get(0).incidentId());
        assertThat(events).extracting(IncidentChanged::eventId).doesNotHaveDuplicates();
        assertThat(events.get(0)).satisfies(opened -> {
            assertThat(opened.status()).isEqualTo(IncidentChanged.OPEN);
            assertThat(opened.reportIds()).containsExactly(first);
            assertThat(opened.corroboration()).isEqualTo(1);
            assertThat(opened.urgency()).isEqualTo(Urgency.HIGH);
            assertThat(opened.violationTypes()).containsExactly(ViolationType.HRD_DETAINED);
            assertThat(opened.freedoms()).containsExactly(Freedom.ASSOCIATION);
            assertThat(opened.firstReportedAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        });
        assertThat(events.get(2)).satisfies(urgent -> {
            assertThat(urgent.reportIds()).containsExactly(first, second, third);
            assertThat(urgent.corroboration()).isEqualTo(3);
            assertThat(urgent.urgency()).isEqualTo(Urgency.URGENT);
            assertThat(urgent.lastReportedAt()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
        });
        assertThat(events.get(3)).satisfies(resolved -> {
            assertThat(resolved.status()).isEqualTo(IncidentChanged.RESOLVED);
            assertThat(resolved.reportIds()).containsExactly(first, second, third, release);
            assertThat(resolved.corroboration()).isEqualTo(3);
        });
        assertThat(published).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo("MN");
            assertThat(new String(r.headers().lastHeader(Topics.SENSITIVITY_HEADER).value(), StandardCharsets.UTF_8))
                    .isEqualTo("public");
            // ids and tags only: no title, no text, no name in any spelling
            assertThat(r.value()).doesNotContain("Gantulga", "Гантулга", "defender", "Police", "headline");
        });
    }

    @Test
    void aConfidentialReportMakesTheIncidentsHeaderConfidential() throws Exception {
        String open = uniqueId("r-mn-public");
        String secret = uniqueId("r-mn-confidential");
        produce("MN", report(open, "MN").fromFeed("feed-mn-c").entity("person", "Oyunchimeg Dorj").json());
        produce("MN", report(secret, "MN").sensitivity("confidential").fromPartner("partner-mn")
                .person("Oyunchimeg Dorj", true).json());

        List<ConsumerRecord<String, String>> published = records(incidentChanged,
                r -> r.value().contains("\"" + secret + "\""), Duration.ofSeconds(1));

        assertThat(published).singleElement().satisfies(r -> {
            assertThat(new String(r.headers().lastHeader(Topics.SENSITIVITY_HEADER).value(), StandardCharsets.UTF_8))
                    .isEqualTo("confidential");
            assertThat(JSON.readValue(r.value(), IncidentChanged.class).sensitivity())
                    .isEqualTo(Sensitivity.CONFIDENTIAL);
            assertThat(r.value()).doesNotContain("Oyunchimeg", "Dorj");
        });
    }

    @Test
    void anIncidentStoredButNotSentBeforeACrashIsSentWhenItsReportIsRedelivered() throws Exception {
        String reportId = uniqueId("r-mn-crash");
        String incidentId = "inc-" + UUID.randomUUID();
        // the state a crash between storing the incident and sending leaves behind
        store.assign(reportId, incidentId).block(Duration.ofSeconds(10));
        store.save(Incident.open(incidentId, facts(reportId)), Instant.now()).block(Duration.ofSeconds(10));

        produce("MN", report(reportId, "MN").fromFeed("feed-mn-d").json());

        List<ConsumerRecord<String, String>> published = records(incidentChanged,
                r -> r.value().contains("\"" + incidentId + "\""), Duration.ofSeconds(1));
        assertThat(published).singleElement().satisfies(r -> {
            IncidentChanged event = JSON.readValue(r.value(), IncidentChanged.class);
            assertThat(event.revision()).isEqualTo(1);
            assertThat(event.reportIds()).containsExactly(reportId);
        });
    }

    @Test
    void aRevisionLeftUnsentByADeadLetteredReportIsSentByTheJobOnce() throws Exception {
        String reportId = uniqueId("r-mn-dead");
        String incidentId = "inc-" + UUID.randomUUID();
        store.assign(reportId, incidentId).block(Duration.ofSeconds(10));
        store.save(Incident.open(incidentId, facts(reportId)), Instant.now().minus(Duration.ofMinutes(5)))
                .block(Duration.ofSeconds(10));

        incidents.publishStale(Instant.now()).block(Duration.ofSeconds(20));
        assertThat(incidents.publishStale(Instant.now()).block(Duration.ofSeconds(20))).isZero();

        List<ConsumerRecord<String, String>> published = records(incidentChanged,
                r -> r.value().contains("\"" + incidentId + "\""), Duration.ofSeconds(1));
        assertThat(published).singleElement()
                .satisfies(r -> assertThat(JSON.readValue(r.value(), IncidentChanged.class).revision()).isEqualTo(1));
    }

    private IncidentReport facts(String reportId) {
        Report report = new Report("A story", "What it said.", "en", Instant.parse("2026-11-20T08:00:00Z"), null,
                null, null, null, List.of());
        Classification classification = new Classification("en", "MN", List.of(), Set.of(Freedom.EXPRESSION),
                Set.of(ViolationType.CENSORSHIP), Urgency.HIGH, List.of(), "test");
        return IncidentReport.of(new ReportClassified(UUID.randomUUID(), Instant.now(), reportId, Sensitivity.PUBLIC,
                Source.feed("feed-mn-d"), report, null, classification), pseudonyms);
    }
}
