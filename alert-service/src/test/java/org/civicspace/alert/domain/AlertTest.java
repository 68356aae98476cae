package org.civicspace.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
    static final String TITLE = "Defender Dana Example detained in Almaty";
    static final String TEXT = "Police detained defender Dana Example after a picket outside the akimat.";

    final Subscription subscription = SubscriptionTest.subscription(Set.of("KZ"), Set.of(), Set.of(),
            Urgency.ROUTINE);

    @Test
    void quotesThePublicReportsTitle() {
        Alert alert = Alert.raise(report(Sensitivity.PUBLIC, false), subscription, UUID.randomUUID(), NOW);

        assertThat(alert.headline()).isEqualTo(TITLE);
        assertThat(alert.id()).isEqualTo("r-1:sub-1");
        assertThat(alert.freedoms()).containsExactly(Freedom.PEACEFUL_ASSEMBLY);
    }

    @Test
    void saysOnlyThatSomethingIsWaitingForARestrictedOrConfidentialReport() {
        for (Sensitivity sensitivity : List.of(Sensitivity.RESTRICTED, Sensitivity.CONFIDENTIAL)) {
            Alert alert = Alert.raise(report(sensitivity, true), subscription, UUID.randomUUID(), NOW);

            assertThat(alert.headline())
                    .isEqualTo("New " + sensitivity.wireName() + " report about KZ (urgent) — sign in to read it");
            assertThat(alert.toEvent().toString()).doesNotContain("Dana", "Example", "Almaty", "picket");
        }
    }

    @Test
    void leavesAConfidentialReportsTagsOut() {
        AlertRaised event = Alert.raise(report(Sensitivity.CONFIDENTIAL, true), subscription, UUID.randomUUID(), NOW)
                .toEvent();

        assertThat(event.freedoms()).isEmpty();
        assertThat(event.violationTypes()).isEmpty();
        assertThat(event.sensitivity()).isEqualTo(Sensitivity.CONFIDENTIAL);
    }

    @Test
    void doesNotQuoteAPublicTitleThatNamesAProtectedPerson() {
        Alert alert = Alert.raise(report(Sensitivity.PUBLIC, true), subscription, UUID.randomUUID(), NOW);

        assertThat(alert.headline()).isEqualTo("New public report about KZ (urgent) — sign in to read it");
    }

    @Test
    void treatsAReportWithoutSensitivityAsConfidential() {
        Alert alert = Alert.raise(report(null, false), subscription, UUID.randomUUID(), NOW);

        assertThat(alert.sensitivity()).isEqualTo(Sensitivity.CONFIDENTIAL);
        assertThat(alert.headline()).doesNotContain("Dana");
    }

    @Test
    void shortensALongPublicTitle() {
        String longTitle = "Protest ".repeat(60);
        Report report = new Report(longTitle, TEXT, "en", NOW, null, null, null, null, List.of());

        String headline = Headlines.of(Sensitivity.PUBLIC, "KZ", Urgency.HIGH, report);

        assertThat(headline).hasSize(Headlines.MAX_LENGTH).endsWith("…");
    }

    static ReportClassified report(Sensitivity sensitivity, boolean protectedPerson) {
        Report report = new Report(TITLE, TEXT, "en", NOW, "Almaty", null, null, null,
                List.of(new Person("Dana Example", PersonRole.DEFENDER, protectedPerson)));
        Classification classification = new Classification("en", "KZ", List.of(), Set.of(Freedom.PEACEFUL_ASSEMBLY),
                Set.of(ViolationType.HRD_DETAINED), Urgency.URGENT, List.of(), "test");
        return new ReportClassified(UUID.randomUUID(), NOW, "r-1", sensitivity, Source.partner("p"), report, null,
                classification);
    }
}
