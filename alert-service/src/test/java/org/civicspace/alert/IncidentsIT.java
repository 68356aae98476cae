package org.civicspace.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicspace.alert.ReportJson.report;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicspace.alert.application.DigestService;
import org.civicspace.alert.application.Notification;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import reactor.test.StepVerifier;

/** Many reports of one event: one incident, one alert per subscriber that grows and resolves; budgets and digests. */
class IncidentsIT extends AlertServiceTestBase {

    @Autowired
    DigestService digests;

    @Test
    void threeSourcesOfOneArrestRaiseOneAlertPerSubscriberWithCorroborationThreeAndTheReleaseResolvesIt()
            throws Exception {
        String watching = subscribe("ua-watcher", "{\"countries\": [\"UA\"]}");
        String mailed = subscribe("ua-mailed", "{\"countries\": [\"UA\"], \"channel\": \"email\","
                + " \"email\": \"mailed@example.org\"}");
        String first = uniqueId("r-ua-partner");
        String second = uniqueId("r-ua-feed-b");
        String third = uniqueId("r-ua-feed-c");
        String release = uniqueId("r-ua-release");

        produce("UA", report(first, "UA").fromPartner("partner-kyiv").person("Oleksandr Kovalenko", false)
                .title("Activist Oleksandr Kovalenko detained " + first).json());
        produce("UA", report(second, "UA").fromFeed("feed-b").person("Олександр Коваленко", false)
                .occurredAt("2026-11-20T11:00:00Z").json());
        produce("UA", report(third, "UA").fromFeed("feed-c").person("Kovalenko Oleksandr", false)
                .violations("judicial_harassment").occurredAt("2026-11-21T08:00:00Z").json());

        List<Map<String, Object>> alerts = awaitStoredAlerts("ua-watcher", "UA",
                stored -> stored.size() == 1 && stored.get(0).get("corroboration").equals(3));
        assertThat(alerts.get(0)).containsEntry("status", "open").containsEntry("revision", 2)
                .containsEntry("headline", "Activist Oleksandr Kovalenko detained " + first);
        String incidentId = alerts.get(0).get("incidentId").toString();
        assertThat(alerts.get(0).get("alertId")).isEqualTo(incidentId + ":" + watching);
        assertThat(awaitStoredAlerts("ua-mailed", "UA", stored -> stored.size() == 1)).hasSize(1);

        // raised, then confirmed by a second source; the third source only updated it in place
        List<ConsumerRecord<String, String>> published = records(alertRaised,
                r -> r.value().contains("\"alertId\":\"" + incidentId + ":" + watching + "\""), Duration.ofSeconds(1));
        assertThat(published).extracting(ConsumerRecord::value).satisfiesExactly(
                raised -> assertThat(raised).contains("\"revision\":1", "\"corroboration\":1", "\"status\":\"open\""),
                confirmed -> assertThat(confirmed).contains("\"revision\":2", "\"corroboration\":2"));
        assertThat(keysStartingWith("alert:" + incidentId + ":" + mailed + ":"))
                .containsExactlyInAnyOrder("alert:" + incidentId + ":" + mailed + ":1",
                        "alert:" + incidentId + ":" + mailed + ":2");

        produce("UA", report(release, "UA").fromFeed("feed-b").person("Oleksandr Kovalenko", false)
                .violations("positive_development").urgency("routine").occurredAt("2026-11-23T08:00:00Z")
                .title("Court releases Oleksandr Kovalenko").json());

        List<Map<String, Object>> resolved = awaitStoredAlerts("ua-watcher", "UA",
                stored -> stored.size() == 1 && "resolved".equals(stored.get(0).get("status")));
        assertThat(resolved.get(0)).containsEntry("corroboration", 3).containsEntry("revision", 3)
                .containsEntry("incidentId", incidentId).containsEntry("reportId", release);
        assertThat(records(alertRaised, alertOf(release, watching), Duration.ZERO).get(0).value())
                .contains("\"status\":\"resolved\"", "\"revision\":3");
        Notification resolvedMail = deliveries.kept("alert:" + incidentId + ":" + mailed + ":3");
        assertThat(resolvedMail.address()).isEqualTo("mailed@example.org");
        assertThat(resolvedMail.subject()).startsWith("Update: UA");
        assertThat(resolvedMail.text()).contains("3 sources, resolved", "/alerts/" + incidentId + ":" + mailed);
    }

    @Test
    void threeOutletsStoriesOfOneArrestJoinOnWhatTheClassifierFoundAndAnotherPersonInTheSameCityIsAnotherIncident()
            throws Exception {
        String watching = subscribe("ge-watcher", "{\"countries\": [\"GE\"]}");
        String mailed = subscribe("ge-mailed", "{\"countries\": [\"GE\"], \"channel\": \"email\","
                + " \"email\": \"ge-mailed@example.org\"}");
        String first = uniqueId("r-ge-feed-a");
        String second = uniqueId("r-ge-feed-b");
        String third = uniqueId("r-ge-feed-c");
        String other = uniqueId("r-ge-feed-d");

        // three outlets, three wordings, no persons from a partner and no near-duplicate mark:
        // only the names the classifier found tie them together
        produce("GE", report(first, "GE").fromFeed("feed-ge-a").violations("journalist_detained")
                .title("Reporter held after covering rally " + first)
                .text("Police in Tbilisi held the reporter Nino Beridze late on Tuesday after she filmed the rally.")
                .entity("person", "Nino Beridze").entity("place", "Tbilisi").json());
        produce("GE", report(second, "GE").fromFeed("feed-ge-b").violations("journalist_detained")
                .occurredAt("2026-11-20T10:30:00Z")
                .title("В Тбилиси задержана журналистка")
                .text("В Тбилиси полиция задержала журналистку Нино Беридзе, снимавшую акцию протеста.")
                .entity("person", "Нино Беридзе").entity("place", "Тбилиси").entity("organisation", "полиция")
                .json());
        produce("GE", report(third, "GE").fromFeed("feed-ge-c").violations("judicial_harassment")
                .occurredAt("2026-11-21T07:00:00Z")
                .title("Court remands journalist")
                .text("A Tbilisi court ordered two months of custody for Beridze, whose lawyers call the case revenge.")
                .entity("person", "Beridze Nino").entity("place", "Tbilisi").json());

        List<Map<String, Object>> alerts = awaitStoredAlerts("ge-watcher", "GE",
                stored -> stored.size() == 1 && stored.get(0).get("corroboration").equals(3));
        String incidentId = alerts.get(0).get("incidentId").toString();
        assertThat(alerts.get(0)).containsEntry("status", "open").containsEntry("revision", 2);
        assertThat(awaitStoredAlerts("ge-mailed", "GE",
                stored -> stored.size() == 1 && stored.get(0).get("corroboration").equals(3))).hasSize(1);
        assertThat(keysStartingWith("alert:" + incidentId + ":" + mailed + ":"))
                .containsExactlyInAnyOrder("alert:" + incidentId + ":" + mailed + ":1",
                        "alert:" + incidentId + ":" + mailed + ":2");

        // the same city, the same kind of violation, the same police, but another person
        produce("GE", report(other, "GE").fromFeed("feed-ge-a").violations("journalist_detained")
                .occurredAt("2026-11-21T09:00:00Z")
                .title("Second reporter detained in Tbilisi")
                .text("Police in Tbilisi also detained the cameraman Giorgi Lomidze on Thursday.")
                .entity("person", "Giorgi Lomidze").entity("place", "Tbilisi").entity("organisation", "Police")
                .json());

        List<Map<String, Object>> both = awaitStoredAlerts("ge-watcher", "GE", stored -> stored.size() == 2);
        assertThat(both).filteredOn(a -> other.equals(a.get("reportId"))).singleElement()
                .satisfies(a -> assertThat(a.get("incidentId")).isNotEqualTo(incidentId))
                .satisfies(a -> assertThat(a).containsEntry("corroboration", 1));
        assertThat(both).filteredOn(a -> incidentId.equals(a.get("incidentId"))).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("corroboration", 3).containsEntry("revision", 2));
        assertThat(records(alertRaised, r -> r.value().contains("\"alertId\":\"" + incidentId + ":" + watching + "\""),
                Duration.ofSeconds(1))).hasSize(2);
    }

    @Test
    void aClientThatResumesAfterAnUpdateGetsTheUpdatedAlertOnceAndNothingItHadSeen() throws Exception {
        subscribe("ee-watcher", "{\"countries\": [\"EE\"]}");
        String first = uniqueId("r-ee");
        String second = uniqueId("r-ee-confirmed");
        AtomicReference<String> seen = new AtomicReference<>();

        StepVerifier.create(alertStream("ee-watcher", "EE", null))
                .then(() -> produceQuietly(report(first, "EE").person("Mari Tamm", false).json()))
                .assertNext(event -> {
                    assertThat(event.data()).contains("\"revision\":1", "\"reportId\":\"" + first + "\"");
                    seen.set(event.id());
                })
                .thenCancel()
                .verify(Duration.ofSeconds(30));
        produce("EE", report(second, "EE").fromFeed("feed-ee").person("Мари Тамм", false).json());
        awaitStoredAlerts("ee-watcher", "EE", stored -> stored.get(0).get("corroboration").equals(2));

        AtomicReference<String> updated = new AtomicReference<>();
        StepVerifier.create(alertStream("ee-watcher", "EE", Long.valueOf(seen.get())))
                .assertNext(event -> {
                    assertThat(event.data()).contains("\"revision\":2", "\"corroboration\":2");
                    assertThat(Long.valueOf(event.id())).isGreaterThan(Long.valueOf(seen.get()));
                    updated.set(event.id());
                })
                .expectNoEvent(Duration.ofSeconds(1))
                .thenCancel()
                .verify(Duration.ofSeconds(30));
        StepVerifier.create(alertStream("ee-watcher", "EE", Long.valueOf(updated.get())))
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(1))
                .thenCancel()
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void aRedeliveredReportChangesNothingAndANearDuplicateJoinsItsOriginal() throws Exception {
        String subscription = subscribe("lv-watcher", "{\"countries\": [\"LV\"]}");
        String original = uniqueId("r-lv");
        String copy = uniqueId("r-lv-copy");
        String marker = uniqueId("r-lv-marker");
        String report = report(original, "LV").person("Jānis Bērziņš", false).json();

        produce("LV", report);
        produce("LV", report);
        // no names in common, but ingest found the text nearly the same
        produce("LV", report(copy, "LV").fromFeed("feed-lv").duplicateOf(original).json());
        produce("LV", report(marker, "LV").person("Someone Else", false).violations("censorship").json());

        List<Map<String, Object>> alerts = awaitStoredAlerts("lv-watcher", "LV", stored -> stored.size() == 2);
        Map<String, Object> incident = alerts.stream().filter(a -> !marker.equals(a.get("reportId"))).findFirst()
                .orElseThrow();
        assertThat(incident).containsEntry("corroboration", 2).containsEntry("revision", 2);
        assertThat(records(alertRaised, alertOf(original, subscription), Duration.ofSeconds(1))).hasSize(1);
    }

    @Test
    void aSubscriberOverBudgetGetsTheRestInTheDailyDigestAndADailySubscriberGetsEverythingThere()
            throws Exception {
        subscribe("lt-busy", "{\"countries\": [\"LT\"], \"channel\": \"email\", \"email\": \"busy@example.org\"}");
        subscribe("lt-daily", "{\"countries\": [\"LT\"], \"channel\": \"webhook\", \"cadence\": \"daily\","
                + " \"webhookUrl\": \"http://127.0.0.1:9/daily\", \"webhookSecret\": \"daily-secret-value\"}");
        List<String> people = List.of("Rūta Kazlauskienė", "Tomas Petrauskas", "Inga Jankauskaitė", "Darius Butkus",
                "Eglė Vaitkutė");
        for (String person : people) {
            produce("LT", report(uniqueId("r-lt"), "LT").person(person, false).json());
        }
        // the first alerts within budget went at once, the rest wait for the digest
        List<Map<String, Object>> raised = awaitStoredAlerts("lt-busy", "LT", stored -> stored.size() == people.size()
                && stored.stream().filter(a -> "pending".equals(a.get("digest"))).count() == people.size() - BUDGET);
        awaitStoredAlerts("lt-daily", "LT", stored -> stored.size() == people.size()
                && stored.stream().allMatch(a -> "pending".equals(a.get("digest"))));
        List<String> atOnce = raised.stream().filter(a -> a.get("digest") == null)
                .map(a -> deliveries.kept("alert:" + a.get("alertId") + ":1").recipient()).toList();
        assertThat(atOnce).hasSize(BUDGET).containsOnly("lt-busy");
        List<String> heldIds = raised.stream().filter(a -> a.get("digest") != null)
                .map(a -> a.get("alertId").toString()).toList();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        digests.sendDigests(today).block(Duration.ofSeconds(20));
        digests.sendDigests(today).block(Duration.ofSeconds(20));

        Notification busy = deliveries.kept("digest:lt-busy:" + today);
        assertThat(busy.address()).isEqualTo("busy@example.org");
        List<?> held = (List<?>) busy.payload().get("alerts");
        assertThat(held).hasSize(people.size() - BUDGET);
        assertThat(held.stream().map(item -> ((Map<?, ?>) item).get("alertId").toString()).toList())
                .containsExactlyInAnyOrderElementsOf(heldIds);
        assertThat(storedAlerts("lt-busy", "LT")).filteredOn(a -> a.get("digest") != null)
                .allMatch(a -> today.toString().equals(a.get("digest")));
        Notification daily = deliveries.kept("digest:lt-daily:" + today);
        assertThat(daily.address()).isEqualTo("http://127.0.0.1:9/daily");
        assertThat(daily.webhookSecret()).isEqualTo("daily-secret-value");
        assertThat((List<?>) daily.payload().get("alerts")).hasSize(people.size());
        assertThat(deliveries.offered()).filteredOn(n -> n.idempotencyKey().startsWith("digest:lt-")).hasSize(4);
        assertThat(deliveries.kept()).filteredOn(n -> n.idempotencyKey().startsWith("digest:lt-")).hasSize(2);
    }

    void produceQuietly(String report) {
        try {
            produce("EE", report);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> keysStartingWith(String prefix) {
        return deliveries.kept().stream().map(Notification::idempotencyKey).filter(k -> k.startsWith(prefix))
                .toList();
    }
}
