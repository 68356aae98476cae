package org.civicspace.alert.domain.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.civicspace.events.Classification;
import org.civicspace.events.Entity;
import org.civicspace.events.EntityKind;
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

    @Test
    void threeFeedStoriesOfOneArrestJoinOnTheNamesTheClassifierFoundInAnySpellingAndCase() {
        Incident incident = Incident.open("inc-1", feedItem("r-1", "feed:a", MONDAY, ViolationType.HRD_DETAINED,
                person("Marat Seitkali"), place("Almaty")));
        IncidentReport second = feedItem("r-2", "feed:b", MONDAY.plusSeconds(7_200), ViolationType.HRD_DETAINED,
                person("Марата Сейткали"), place("Алматы"), organisation("Полиция"));
        IncidentReport third = feedItem("r-3", "feed:c", MONDAY.plus(Duration.ofDays(1)),
                ViolationType.JUDICIAL_HARASSMENT, person("Seitkali"), person("Marat Seitkali"));

        assertThat(incident.concerns(second, WEEK)).isTrue();
        incident = incident.with(second);
        assertThat(incident.concerns(third, WEEK)).isTrue();
        incident = incident.with(third);

        assertThat(incident.corroboration()).isEqualTo(3);
        assertThat(incident.revision()).isEqualTo(3);
        assertThat(incident.reportIds()).containsExactly("r-1", "r-2", "r-3");
    }

    @Test
    void aCommonPlaceDoesNotJoinReportsThatNameDifferentPeople() {
        Incident incident = Incident.open("inc-1", feedItem("r-1", "feed:a", MONDAY, ViolationType.HRD_DETAINED,
                person("Marat Seitkali"), place("Astana"), organisation("KNB")));

        assertThat(incident.concerns(feedItem("r-2", "feed:b", MONDAY, ViolationType.JOURNALIST_DETAINED,
                person("Dana Ospanova"), place("Astana"), organisation("KNB")), WEEK)).isFalse();
        assertThat(incident.concerns(feedItem("r-3", "feed:b", MONDAY, ViolationType.HRD_DETAINED,
                place("Astana")), WEEK)).as("names nobody, the incident names someone").isFalse();
    }

    @Test
    void aSharedOrganisationWithCompatibleViolationsJoinsUnlessPeopleOrPlacesDisagree() {
        Incident raid = Incident.open("inc-1", feedItem("r-1", "feed:a", MONDAY, ViolationType.NGO_CLOSURE_OR_RAID,
                organisation("Бюро по правам человека «Ар-Намыс»"), place("Бишкек")));

        assertThat(raid.concerns(feedItem("r-2", "feed:b", MONDAY, ViolationType.FOREIGN_AGENT_LABEL,
                organisation("Бюро по правам человека «Ар-Намыса»")), WEEK)).isTrue();
        assertThat(raid.concerns(feedItem("r-3", "feed:b", MONDAY, ViolationType.CENSORSHIP,
                organisation("Бюро по правам человека «Ар-Намыс»")), WEEK)).as("incompatible violations").isFalse();
        assertThat(raid.concerns(feedItem("r-4", "feed:b", MONDAY, ViolationType.NGO_CLOSURE_OR_RAID,
                organisation("Бюро по правам человека «Ар-Намыс»"), place("Ош")), WEEK)).as("another city").isFalse();
        assertThat(raid.concerns(feedItem("r-5", "feed:b", MONDAY, ViolationType.NGO_CLOSURE_OR_RAID,
                organisation("Adilet"), place("Bishkek")), WEEK)).as("another organisation, same city").isFalse();

        Incident named = Incident.open("inc-2", feedItem("r-6", "feed:a", MONDAY, ViolationType.HRD_DETAINED,
                organisation("Adilet"), person("Aziza Temirova")));
        assertThat(named.concerns(feedItem("r-7", "feed:b", MONDAY, ViolationType.HRD_DETAINED,
                organisation("Adilet")), WEEK)).as("names nobody").isTrue();
        assertThat(named.concerns(feedItem("r-8", "feed:b", MONDAY, ViolationType.HRD_DETAINED,
                organisation("Adilet"), person("Kanat Beishenov")), WEEK)).as("names someone else").isFalse();
    }

    @Test
    void aReleaseTheClassifierFoundResolvesTheIncidentOfThatPerson() {
        Incident incident = Incident.open("inc-1", feedItem("r-1", "feed:a", MONDAY, ViolationType.HRD_DETAINED,
                person("Marat Seitkali")));
        IncidentReport release = feedItem("r-2", "feed:b", MONDAY.plus(Duration.ofDays(2)),
                ViolationType.POSITIVE_DEVELOPMENT, person("Марат Сейткали"));

        Incident resolved = incident.with(release);

        assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolved.revision()).isEqualTo(2);
    }

    @Test
    void namesAreKeptOnlyAsKeyedHashes() {
        Incident incident = Incident.open("inc-1", feedItem("r-1", "feed:a", MONDAY, ViolationType.HRD_DETAINED,
                person("Marat Seitkali"), place("Almaty"), organisation("Adilet")));

        assertThat(incident.toString().toLowerCase()).doesNotContain("marat", "seitkali", "almaty", "adilet", "marat");
        assertThat(incident.people()).hasSize(1);
        assertThat(incident.organisations()).hasSize(1);
        assertThat(incident.places()).hasSize(1);
    }

    IncidentReport feedItem(String id, String source, Instant at, ViolationType violation, Entity... entities) {
        String[] origin = source.split(":");
        Report report = new Report("A story", "What the outlet wrote.", "en", null, null, null, null, null, List.of());
        Classification classification = new Classification("en", "KZ", List.of(), Set.of(), Set.of(violation),
                Urgency.HIGH, List.of(), "test", List.of(entities));
        return IncidentReport.of(new ReportClassified(UUID.randomUUID(), at, id, Sensitivity.PUBLIC,
                Source.feed(origin[1]), report, null, classification), pseudonyms);
    }

    static Entity person(String name) {
        return new Entity(EntityKind.PERSON, name, List.of());
    }

    static Entity organisation(String name) {
        return new Entity(EntityKind.ORGANISATION, name, List.of());
    }

    static Entity place(String name) {
        return new Entity(EntityKind.PLACE, name, List.of());
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
