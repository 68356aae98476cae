package org.civicspace.alert.domain.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.civicspace.events.Classification;
import org.civicspace.events.Person;
import org.civicspace.events.PersonRole;
import org.civicspace.events.Report;
import org.civicspace.events.ReportClassified;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Source;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;
import org.junit.jupiter.api.Test;

class IncidentTest {

    static final Instant MONDAY = Instant.parse("2026-11-16T08:00:00Z");
    static final Duration WEEK = Duration.ofDays(7);
    final Pseudonyms pseudonyms = new Pseudonyms("a test secret of enough length");

    @Test
    void threeSourcesOfOneArrestInEitherAlphabetAreOneIncidentWithCorroborationThree() {
        Incident incident = Incident.open("inc-1", facts("r-1", "partner:a", "Aigerim Nurova", "KZ", MONDAY,
                Urgency.HIGH, Sensitivity.PUBLIC, ViolationType.HRD_DETAINED));
        IncidentReport second = facts("r-2", "feed:b", "Айгерим Нурова", "KZ", MONDAY.plusSeconds(3_600),
                Urgency.URGENT, Sensitivity.PUBLIC, ViolationType.JUDICIAL_HARASSMENT);
        IncidentReport third = facts("r-3", "feed:c", "Nurova Aigerim", "KZ", MONDAY.plus(Duration.ofDays(2)),
                Urgency.HIGH, Sensitivity.PUBLIC, ViolationType.HRD_DETAINED);

        assertThat(incident.concerns(second, WEEK)).isTrue();
        incident = incident.with(second);
        assertThat(incident.concerns(third, WEEK)).isTrue();
        incident = incident.with(third);

        assertThat(incident.corroboration()).isEqualTo(3);
        assertThat(incident.reportIds()).containsExactly("r-1", "r-2", "r-3");
        assertThat(incident.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(incident.with(third)).isSameAs(incident);
    }

    @Test
    void anotherCountryPersonViolationOrWeekIsAnotherIncident() {
        Incident incident = Incident.open("inc-1", facts("r-1", "partner:a", "Aigerim Nurova", "KZ", MONDAY,
                Urgency.HIGH, Sensitivity.PUBLIC, ViolationType.HRD_DETAINED));

        assertThat(incident.concerns(facts("r-2", "feed:b", "Aigerim Nurova", "KG", MONDAY, Urgency.HIGH,
                Sensitivity.PUBLIC, ViolationType.HRD_DETAINED), WEEK)).isFalse();
        assertThat(incident.concerns(facts("r-3", "feed:b", "Bolat Serikov", "KZ", MONDAY, Urgency.HIGH,
                Sensitivity.PUBLIC, ViolationType.HRD_DETAINED), WEEK)).isFalse();
        assertThat(incident.concerns(facts("r-4", "feed:b", "Aigerim Nurova", "KZ", MONDAY, Urgency.HIGH,
                Sensitivity.PUBLIC, ViolationType.INTERNET_SHUTDOWN), WEEK)).isFalse();
        assertThat(incident.concerns(facts("r-5", "feed:b", "Aigerim Nurova", "KZ", MONDAY.plus(Duration.ofDays(8)),
                Urgency.HIGH, Sensitivity.PUBLIC, ViolationType.HRD_DETAINED), WEEK)).isFalse();
    }

    @Test
    void aReleaseOfTheSamePersonResolvesItWithoutCountingAsASource() {
        Incident incident = Incident.open("inc-1", facts("r-1", "partner:a", "Aigerim Nurova", "KZ", MONDAY,
                Urgency.URGENT, Sensitivity.PUBLIC, ViolationType.HRD_DETAINED));
        IncidentReport release = facts("r-2", "feed:b", "Айгерим Нурова", "KZ", MONDAY.plus(Duration.ofDays(3)),
                Urgency.ROUTINE, Sensitivity.PUBLIC, ViolationType.POSITIVE_DEVELOPMENT);

        assertThat(incident.concerns(release, WEEK)).isTrue();
        Incident resolved = incident.with(release);

        assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolved.resolvedBy()).isEqualTo("r-2");
        assertThat(resolved.corroboration()).isEqualTo(1);
        assertThat(resolved.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(resolved.concerns(facts("r-3", "feed:c", "Aigerim Nurova", "KZ", MONDAY, Urgency.HIGH,
                Sensitivity.PUBLIC, ViolationType.HRD_DETAINED), WEEK)).isFalse();
    }

    @Test
    void aConfidentialReportMakesTheWholeIncidentUnquotable() {
        Incident incident = Incident.open("inc-1", facts("r-1", "feed:a", "Aigerim Nurova", "KZ", MONDAY,
                Urgency.HIGH, Sensitivity.PUBLIC, ViolationType.HRD_DETAINED));
        assertThat(incident.headline()).contains("detained");

        Incident joined = incident.with(facts("r-2", "partner:p", "Aigerim Nurova", "KZ", MONDAY, Urgency.HIGH,
                Sensitivity.CONFIDENTIAL, ViolationType.HRD_DETAINED));

        assertThat(joined.sensitivity()).isEqualTo(Sensitivity.CONFIDENTIAL);
        assertThat(joined.headline()).isEqualTo("New confidential report about KZ (high) — sign in to read it");
    }

    IncidentReport facts(String id, String source, String person, String country, Instant at, Urgency urgency,
            Sensitivity sensitivity, ViolationType violation) {
        String[] origin = source.split(":");
        Report report = new Report("Activist detained", "Police detained an activist.", "en", at, null, null, null,
                null, List.of(new Person(person, PersonRole.ACTIVIST, false)));
        Classification classification = new Classification("en", country, List.of(), Set.of(), Set.of(violation),
                urgency, List.of(), "test");
        return IncidentReport.of(new ReportClassified(UUID.randomUUID(), at, id, sensitivity,
                origin[0].equals("feed") ? Source.feed(origin[1]) : Source.partner(origin[1]), report, null,
                classification), pseudonyms);
    }
}
