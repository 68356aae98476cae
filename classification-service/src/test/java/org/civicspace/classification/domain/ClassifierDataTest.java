package org.civicspace.classification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.civicspace.events.Freedom;
import org.civicspace.events.ViolationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassifierDataTest {

    private static final List<String> REGION = List.of("KZ", "KG", "TJ", "UZ", "TM", "AZ", "AM", "GE", "BY", "RU", "UA", "MD");

    @ParameterizedTest
    @ValueSource(strings = {"countries.tsv", "country-exclusions.tsv", "country-actors.tsv", "violations.tsv",
            "violation-roles.tsv", "violation-acts.tsv", "violation-role-acts.tsv", "violation-exclusions.tsv",
            "freedoms.tsv", "freedom-mentions.tsv", "violation-freedoms.tsv", "urgency.tsv"})
    void everyDataFileParsesIntoRowsWithValues(String name) {
        DataFile file = DataFile.read(name);

        assertThat(file.rows()).isNotEmpty();
        assertThat(file.rows()).allSatisfy(row -> assertThat(row.key()).isNotBlank());
    }

    @Test
    void theWholeClassifierLoadsFromTheClasspath() {
        assertThat(Classifier.fromClasspath()).isNotNull();
    }

    @Test
    void everyViolationTypeHasEnglishAndRussianPhrasesOfItsOwnOrFromItsRoles() {
        Map<String, List<String>> phrases = valuesByKey("violations.tsv");
        Map<String, List<String>> roles = valuesByKey("violation-roles.tsv");
        for (DataFile.Row row : DataFile.read("violation-role-acts.tsv").rows()) {
            for (String type : row.key().split(ViolationPhrases.OR)) {
                phrases.computeIfAbsent(type.strip(), key -> new ArrayList<>()).addAll(roles.get(row.values().get(0)));
            }
        }

        for (ViolationType violation : ViolationType.values()) {
            List<String> own = phrases.getOrDefault(violation.wireName(), List.of());
            assertThat(own).as(violation.wireName() + " in English").anyMatch(ClassifierDataTest::isLatin);
            assertThat(own).as(violation.wireName() + " in Russian").anyMatch(ClassifierDataTest::isCyrillic);
        }
    }

    @Test
    void everyRoleAndEveryActIsWrittenInEnglishAndRussianAndEveryPairingNamesKnownOnes() {
        Map<String, List<String>> roles = valuesByKey("violation-roles.tsv");
        Map<String, List<String>> acts = valuesByKey("violation-acts.tsv");

        roles.forEach((role, words) -> {
            assertThat(words).as(role + " in English").anyMatch(ClassifierDataTest::isLatin);
            assertThat(words).as(role + " in Russian").anyMatch(ClassifierDataTest::isCyrillic);
        });
        acts.forEach((act, words) -> {
            assertThat(words).as(act + " in English").anyMatch(ClassifierDataTest::isLatin);
            assertThat(words).as(act + " in Russian").anyMatch(ClassifierDataTest::isCyrillic);
        });
        for (DataFile.Row row : DataFile.read("violation-role-acts.tsv").rows()) {
            assertThat(roles).as(row.file() + ":" + row.line()).containsKey(row.values().get(0));
            assertThat(acts.keySet()).as(row.file() + ":" + row.line()).containsAll(row.values().subList(1, row.values().size()));
        }
    }

    @Test
    void anActThatIsNeitherNearNorAfterOrAnUnknownRoleIsReportedWithItsLine() {
        DataFile roles = DataFile.parse("roles.tsv", "journalist\tjournalist*\n");
        DataFile acts = DataFile.parse("acts.tsv", "held\tnear\tdetain*\nbeaten\tsomewhere\tbeat*\n");
        DataFile pairings = DataFile.parse("pairings.tsv", "journalist_detained\tjournalist\theld\n");
        DataFile unknownRole = DataFile.parse("pairings.tsv", "hrd_detained\tdefender\theld\n");
        DataFile goodActs = DataFile.parse("acts.tsv", "held\tnear\tdetain*\n");

        assertThatThrownBy(() -> ViolationPhrases.of(new PhraseMatcher<>(false), roles, acts, pairings))
                .hasMessageStartingWith("acts.tsv:2:");
        assertThatThrownBy(() -> ViolationPhrases.of(new PhraseMatcher<>(false), roles, goodActs, unknownRole))
                .hasMessageStartingWith("pairings.tsv:1:").hasMessageContaining("defender");
    }

    @Test
    void everyFreedomHasEnglishAndRussianPhrases() {
        Map<String, List<String>> phrases = valuesByKey("freedoms.tsv");

        for (Freedom freedom : Freedom.values()) {
            List<String> own = phrases.getOrDefault(freedom.wireName(), List.of());
            assertThat(own).as(freedom.wireName() + " in English").anyMatch(ClassifierDataTest::isLatin);
            assertThat(own).as(freedom.wireName() + " in Russian").anyMatch(ClassifierDataTest::isCyrillic);
        }
    }

    @Test
    void everyViolationTypeHasOneUrgencyAndARowOfFreedoms() {
        Set<String> urgencies = new java.util.HashSet<>();
        DataFile.read("urgency.tsv").rows().forEach(row -> assertThat(urgencies.add(row.key())).as(row.key()).isTrue());
        Set<String> freedoms = valuesByKey("violation-freedoms.tsv").keySet();

        for (ViolationType violation : ViolationType.values()) {
            assertThat(urgencies).contains(violation.wireName());
            assertThat(freedoms).contains(violation.wireName());
        }
    }

    @Test
    void everyCountryOfTheRegionHasEnglishAndRussianNames() {
        Map<String, List<String>> names = valuesByKey("countries.tsv");

        for (String code : REGION) {
            assertThat(names.getOrDefault(code, List.of())).as(code + " in English").anyMatch(ClassifierDataTest::isLatin);
            assertThat(names.getOrDefault(code, List.of())).as(code + " in Russian").anyMatch(ClassifierDataTest::isCyrillic);
        }
        assertThat(names.keySet()).contains("US", "GB", "DE", "FR", "TR", "CN", "PL", "LT", "LV", "EE");
    }

    @Test
    void everyPlacePhraseIsAlsoACountrysNameSoThatExclusionsApplyToIt() {
        Set<String> countryNames = new java.util.HashSet<>();
        valuesByKey("countries.tsv").values().forEach(countryNames::addAll);

        valuesByKey("places.tsv").forEach((place, phrases) -> assertThat(countryNames).as(place).containsAll(phrases));
    }

    @Test
    void everyPersonRoleAndOrganisationWordIsWrittenInEnglishAndRussian() {
        valuesByKey("person-roles.tsv").forEach((role, phrases) -> {
            assertThat(phrases).as(role).anyMatch(ClassifierDataTest::isCyrillic);
            assertThat(phrases).as(role).anyMatch(phrase -> !isCyrillic(phrase));
        });
        assertThat(valuesByKey("organisations.tsv").get(EntityFinder.BEFORE))
                .anyMatch(ClassifierDataTest::isCyrillic).anyMatch(phrase -> !isCyrillic(phrase));
    }

    @Test
    void aBadRowIsReportedWithItsFileAndLine() {
        DataFile file = DataFile.parse("test.tsv", "# a comment\n\nfoo\tbar\t\tbaz\n");

        DataFile.Row row = file.rows().get(0);
        assertThat(row.key()).isEqualTo("foo");
        assertThat(row.values()).containsExactly("bar", "baz");
        assertThat(row.error("no good").getMessage()).isEqualTo("test.tsv:3: no good");
    }

    @Test
    void aPhraseWithAStrayCharacterOrATooShortStemIsRefused() {
        PhraseMatcher<String> matcher = new PhraseMatcher<>(false);

        assertThatThrownBy(() -> matcher.add("x", "organi?ation")).hasMessageContaining("'?'");
        assertThatThrownBy(() -> matcher.add("x", "ab*")).hasMessageContaining("stem");
        assertThatThrownBy(() -> matcher.add("x", "... detained")).hasMessageContaining("between two words");
    }

    private static Map<String, List<String>> valuesByKey(String name) {
        Map<String, List<String>> values = new TreeMap<>();
        for (DataFile.Row row : DataFile.read(name).rows()) {
            values.computeIfAbsent(row.key(), key -> new ArrayList<>()).addAll(row.values());
        }
        return values;
    }

    private static boolean isCyrillic(String phrase) {
        return phrase.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
    }

    private static boolean isLatin(String phrase) {
        return phrase.chars().anyMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z');
    }
}
