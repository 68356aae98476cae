package org.civicspace.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.civicspace.alert.domain.incident.Incident;
import org.civicspace.alert.domain.incident.IncidentReport;
import org.civicspace.alert.domain.incident.IncidentStatus;
import org.civicspace.alert.domain.incident.Pseudonyms;
import org.civicspace.events.AlertRaised;
import org.civicspace.events.Classification;
import org.civicspace.events.Freedom;
import org.civicspace.events.Person;
import org.civicspace.events.PersonRole;
import org.civicspace.events.Report;
import org.civicspace.events.ReportClassified;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Source;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;
import org.junit.jupiter.api.Test;

class AlertTest {

    static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    static final String TITLE = "Defender Dana Sultanova detained in Almaty";
    static final String TEXT = "Police detained defender Dana Sultanova after a picket outside the akimat.";
    static final Pseudonyms PSEUDONYMS = new Pseudonyms("a test secret of enough length");

    final Subscription subscription = SubscriptionTest.subscription(Set.of("KZ"), Set.of(), Set.of(),
            Urgency.ROUTINE);

    @Test
    void quotesThePublicReportsTitleAndCarriesTheIncident() {
        Alert alert = alertAbout(incident(report("r-1", Sensitivity.PUBLIC, false, "partner-a")));

        assertThat(alert.headline()).isEqualTo(TITLE);
        assertThat(alert.id()).isEqualTo("inc-1:sub-1");
        assertThat(alert.freedoms()).containsExactly(Freedom.PEACEFUL_ASSEMBLY);
        AlertRaised event = alert.toEvent();
        assertThat(List.of(event.incidentId(), event.corroboration(), event.status(), event.revision()))
                .containsExactly("inc-1", 1, "open", 1);
    }

    @Test
    void saysOnlyThatSomethingIsWaitingForARestrictedOrConfidentialReport() {
        for (Sensitivity sensitivity : List.of(Sensitivity.RESTRICTED, Sensitivity.CONFIDENTIAL)) {
            Alert alert = alertAbout(incident(report("r-1", sensitivity, true, "partner-a")));

            assertThat(alert.headline())
                    .isEqualTo("New " + sensitivity.wireName() + " report about KZ (urgent) — sign in to read it");
            assertThat(alert.toEvent().toString()).doesNotContain("Dana", "Sultanova", "Almaty", "picket");
        }
    }

    @Test
    void leavesAConfidentialReportsTagsOut() {
        AlertRaised event = alertAbout(incident(report("r-1", Sensitivity.CONFIDENTIAL, true, "partner-a")))
                .toEvent();

        assertThat(event.freedoms()).isEmpty();
        assertThat(event.violationTypes()).isEmpty();
        assertThat(event.sensitivity()).isEqualTo(Sensitivity.CONFIDENTIAL);
    }

    @Test
    void namesAProtectedPersonInAPublicTitleByTheirPseudonym() {
        Alert alert = alertAbout(incident(report("r-1", Sensitivity.PUBLIC, true, "partner-a")));

        assertThat(alert.headline()).isEqualTo("Defender " + PSEUDONYMS.pseudonymOf("Dana Sultanova")
                + " detained in Almaty").doesNotContain("Dana");
    }

    @Test
    void findsAProtectedNameInEitherAlphabetWithACaseEndingAndAnApostrophe() {
        List<Person> persons = List.of(new Person("Aigerim Nurova", PersonRole.DEFENDER, true),
                new Person("Bolat Serikov", PersonRole.LAWYER, false));
        String pseudonym = PSEUDONYMS.pseudonymOf("Aigerim Nurova");

        assertThat(Headlines.withPseudonyms("Суд арестовал Айгерим Нурову в Алматы", persons, PSEUDONYMS))
                .isEqualTo("Суд арестовал " + pseudonym + " в Алматы");
        assertThat(Headlines.withPseudonyms("Nurova's lawyer Bolat Serikov: Aigerim Nurova is held", persons,
                PSEUDONYMS)).isEqualTo(pseudonym + " lawyer Bolat Serikov: " + pseudonym + " is held");
    }

    @Test
    void treatsAReportWithoutSensitivityAsConfidential() {
        Alert alert = alertAbout(incident(report("r-1", null, false, "partner-a")));

        assertThat(alert.sensitivity()).isEqualTo(Sensitivity.CONFIDENTIAL);
        assertThat(alert.headline()).doesNotContain("Dana");
    }

    @Test
    void aSecondSourceIsNewsAThirdOnlyUpdatesTheAlertInPlaceAndAResolutionIsNewsAgain() {
        Incident one = incident(report("r-1", Sensitivity.PUBLIC, false, "partner-a"));
        Incident two = one.with(IncidentReport.of(report("r-2", Sensitivity.PUBLIC, false, "feed-b"), PSEUDONYMS));
        Incident three = two.with(IncidentReport.of(report("r-3", Sensitivity.PUBLIC, false, "feed-c"), PSEUDONYMS));
        Alert first = alertAbout(one);

        Alert second = first.updatedBy(two, "r-2", subscription, UUID.randomUUID(), NOW.plusSeconds(60));
        Alert third = second.updatedBy(three, "r-3", subscription, UUID.randomUUID(), NOW.plusSeconds(120));
        Alert again = third.updatedBy(three, "r-3", subscription, UUID.randomUUID(), NOW.plusSeconds(180));
        Incident released = three.with(IncidentReport.of(release("r-4"), PSEUDONYMS));
        Alert resolved = third.updatedBy(released, "r-4", subscription, UUID.randomUUID(), NOW.plusSeconds(240));

        assertThat(second.revision()).isEqualTo(2);
        assertThat(second.eventId()).isNotEqualTo(first.eventId());
        assertThat(third.revision()).isEqualTo(2);
        assertThat(third.corroboration()).isEqualTo(3);
        assertThat(third.eventId()).isEqualTo(second.eventId());
        assertThat(again).isSameAs(third);
        assertThat(resolved.revision()).isEqualTo(3);
        assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolved.corroboration()).isEqualTo(3);
    }

    @Test
    void shortensALongPublicTitle() {
        String longTitle = "Protest ".repeat(60);
        Report report = new Report(longTitle, TEXT, "en", NOW, null, null, null, null, List.of());

        String headline = Headlines.of(Sensitivity.PUBLIC, "KZ", Urgency.HIGH, report, PSEUDONYMS);

        assertThat(headline).hasSize(Headlines.MAX_LENGTH).endsWith("…");
    }

    Alert alertAbout(Incident incident) {
        return Alert.about(incident, incident.reportIds().get(0), subscription, UUID.randomUUID(), NOW, 1);
    }

    static Incident incident(ReportClassified report) {
        return Incident.open("inc-1", IncidentReport.of(report, PSEUDONYMS));
    }

    static ReportClassified report(String id, Sensitivity sensitivity, boolean protectedPerson, String source) {
        Report report = new Report(TITLE, TEXT, "en", NOW, "Almaty", null, null, null,
                List.of(new Person("Dana Sultanova", PersonRole.DEFENDER, protectedPerson)));
        Classification classification = new Classification("en", "KZ", List.of(), Set.of(Freedom.PEACEFUL_ASSEMBLY),
                Set.of(ViolationType.HRD_DETAINED), Urgency.URGENT, List.of(), "test");
        return new ReportClassified(UUID.randomUUID(), NOW, id, sensitivity, Source.partner(source), report, null,
                classification);
    }

    static ReportClassified release(String id) {
        Report report = new Report("Dana Sultanova released", "A court released Dana Sultanova.", "en",
                NOW.plusSeconds(86_400), null, null, null, null,
                List.of(new Person("Дана Султанова", PersonRole.DEFENDER, false)));
        Classification classification = new Classification("en", "KZ", List.of(), Set.of(),
                Set.of(ViolationType.POSITIVE_DEVELOPMENT), Urgency.ROUTINE, List.of(), "test");
        return new ReportClassified(UUID.randomUUID(), NOW, id, Sensitivity.PUBLIC, Source.feed("feed-d"), report,
                null, classification);
    }
}
