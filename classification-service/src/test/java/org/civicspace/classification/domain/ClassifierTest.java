package org.civicspace.classification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.civicspace.events.Classification;
import org.civicspace.events.Evidence;
import org.civicspace.events.Freedom;
import org.civicspace.events.Hints;
import org.civicspace.events.Tag;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;
import org.junit.jupiter.api.Test;

class ClassifierTest {

    private static final Classifier CLASSIFIER = Classifier.fromClasspath();

    @Test
    void tagsAnActivistDetainedInKazakhstanAsUrgentWithTheWordsThatSaySo() {
        String title = "Activist detained in Almaty";
        String text = "Police in Kazakhstan detained the environmental activist Aigerim Nurlanova on Monday "
                + "after she filmed a building site. Her lawyer has not been allowed to see her.";

        Classification result = CLASSIFIER.classify(new Document(title, text, null, null));

        assertThat(result.country()).isEqualTo("KZ");
        assertThat(result.otherCountries()).isEmpty();
        assertThat(result.violationTypes()).containsExactly(ViolationType.HRD_DETAINED);
        assertThat(result.freedoms()).contains(Freedom.ASSOCIATION);
        assertThat(result.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(result.language()).isEqualTo("en");
        assertThat(result.classifierVersion()).isEqualTo(Classifier.VERSION);

        assertThat(tag(result, "country", "KZ").evidence()).containsExactly(
                new Evidence("title", 21, 27, "Almaty"),
                new Evidence("text", 10, 20, "Kazakhstan"));
        assertThat(tag(result, "violation", "hrd_detained").evidence()).containsExactly(
                new Evidence("title", 0, 17, "Activist detained"),
                new Evidence("text", 21, 56, "detained the environmental activist"));
        assertThat(tag(result, "urgency", "urgent").evidence()).isNotEmpty();
    }

    @Test
    void findsTheSameDetentionInRussianThroughInflectedForms() {
        String text = "В Казахстане задержали правозащитника из Алматы. Его доставили в отдел полиции, "
                + "адвоката к нему не пускают.";

        Classification result = CLASSIFIER.classify(new Document(null, text, null, null));

        assertThat(result.country()).isEqualTo("KZ");
        assertThat(result.violationTypes()).containsExactly(ViolationType.HRD_DETAINED);
        assertThat(result.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(result.language()).isEqualTo("ru");
        assertThat(tag(result, "country", "KZ").evidence()).containsExactly(
                new Evidence("text", 2, 12, "Казахстане"),
                new Evidence("text", 41, 47, "Алматы"));
        assertThat(tag(result, "violation", "hrd_detained").evidence()).containsExactly(
                new Evidence("text", 13, 37, "задержали правозащитника"));
    }

    @Test
    void tagsAProtestDispersedInTbilisiAsPeacefulAssemblyInGeorgia() {
        String title = "Police disperse protest in Tbilisi";
        String text = "Riot police dispersed a peaceful rally outside parliament late on Sunday, "
                + "using water cannon against several hundred people.";

        Classification result = CLASSIFIER.classify(new Document(title, text, "en", null));

        assertThat(result.country()).isEqualTo("GE");
        assertThat(result.freedoms()).containsExactly(Freedom.PEACEFUL_ASSEMBLY);
        assertThat(result.violationTypes()).contains(
                ViolationType.PROTEST_BANNED_OR_DISRUPTED, ViolationType.EXCESSIVE_FORCE);
        assertThat(result.urgency()).isEqualTo(Urgency.URGENT);
    }

    @Test
    void tagsARussianReportOfAProtestBrokenUpInTbilisi() {
        String text = "В Тбилиси полиция разогнала акцию протеста у здания парламента Грузии.";

        Classification result = CLASSIFIER.classify(new Document("", text, "ru", null));

        assertThat(result.country()).isEqualTo("GE");
        assertThat(result.freedoms()).contains(Freedom.PEACEFUL_ASSEMBLY);
        assertThat(result.violationTypes()).contains(ViolationType.PROTEST_BANNED_OR_DISRUPTED);
    }

    @Test
    void readsGeorgiaNextToAtlantaAsTheUsStateAndAnAquariumAsNotRelevant() {
        String title = "New aquarium opens in Atlanta, Georgia";
        String text = "The city opened a new aquarium on Saturday, with sharks, rays and a tunnel of glass. "
                + "Visitors queued for hours. Officials said Georgia had never had so many tourists.";

        Classification result = CLASSIFIER.classify(new Document(title, text, null, null));

        assertThat(result.country()).isEqualTo("US");
        assertThat(result.otherCountries()).doesNotContain("GE");
        assertThat(result.tags()).noneMatch(tag -> tag.value().equals("GE"));
        assertThat(result.violationTypes()).isEmpty();
        assertThat(result.freedoms()).isEmpty();
        assertThat(result.urgency()).isEqualTo(Urgency.NOT_RELEVANT);
    }

    @Test
    void stillFindsGeorgiaTheCountryWhenNothingPointsAtTheUsState() {
        String text = "Georgia's parliament passed the bill on Tuesday. Thousands protested in Tbilisi.";

        Classification result = CLASSIFIER.classify(new Document("", text, "en", null));

        assertThat(result.country()).isEqualTo("GE");
    }

    @Test
    void tagsAReleaseAsAPositiveDevelopmentOfRoutineUrgency() {
        String title = "Blogger freed";
        String text = "A court in Bishkek acquitted the blogger on Friday, and she was released in the courtroom.";

        Classification result = CLASSIFIER.classify(new Document(title, text, null, null));

        assertThat(result.country()).isEqualTo("KG");
        assertThat(result.violationTypes()).containsExactly(ViolationType.POSITIVE_DEVELOPMENT);
        assertThat(result.freedoms()).containsExactly(Freedom.EXPRESSION);
        assertThat(result.urgency()).isEqualTo(Urgency.ROUTINE);
    }

    @Test
    void tagsARussianAcquittalAsAPositiveDevelopment() {
        String text = "Суд в Душанбе оправдал журналиста, он вышел на свободу в зале суда.";

        Classification result = CLASSIFIER.classify(new Document(null, text, null, null));

        assertThat(result.country()).isEqualTo("TJ");
        assertThat(result.violationTypes()).containsExactly(ViolationType.POSITIVE_DEVELOPMENT);
        assertThat(result.urgency()).isEqualTo(Urgency.ROUTINE);
    }

    @Test
    void usesTheHintedCountryAndFreedomsWhenTheTextNamesNoCountry() {
        String text = "Two members of the association were summoned for questioning and warned not to "
                + "hold the meeting. Their office was searched by the police.";
        Hints hints = new Hints("kg", Set.of(Freedom.ASSOCIATION, Freedom.PEACEFUL_ASSEMBLY));

        Classification result = CLASSIFIER.classify(new Document("", text, "en", hints));

        assertThat(result.country()).isEqualTo("KG");
        Tag country = tag(result, "country", "KG");
        assertThat(country.fromHint()).isTrue();
        assertThat(country.evidence()).isEmpty();
        assertThat(result.freedoms()).contains(Freedom.ASSOCIATION, Freedom.PEACEFUL_ASSEMBLY);
        assertThat(tag(result, "freedom", "peaceful_assembly").fromHint()).isTrue();
        assertThat(tag(result, "freedom", "association").fromHint())
                .as("association is also found in the text (the office search)").isFalse();
    }

    @Test
    void aReportWhoseOnlyCivicSignIsItsHintedFreedomIsRoutine() {
        Hints hints = new Hints(null, Set.of(Freedom.EXPRESSION));

        Classification result = CLASSIFIER.classify(new Document("", "The meeting took place on Monday.", "en", hints));

        assertThat(result.freedoms()).containsExactly(Freedom.EXPRESSION);
        assertThat(result.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(tag(result, "urgency", "routine").confidence()).isEqualTo(Classifier.NO_EVIDENCE_CONFIDENCE);
    }

    @Test
    void prefersTheCountryTheTextNamesOverTheHint() {
        String text = "Journalists were detained in Minsk on Tuesday.";

        Classification result = CLASSIFIER.classify(new Document("", text, "en", new Hints("KG", null)));

        assertThat(result.country()).isEqualTo("BY");
        assertThat(result.tags()).noneMatch(tag -> tag.value().equals("KG"));
    }

    @Test
    void filesAnExileAttackedAbroadUnderTheCountryWhereItHappenedWithTheHomeCountryNext() {
        String title = "Tajik exile attacked in Istanbul";
        String text = "The Tajik opposition activist was beaten in Turkey by unknown men. "
                + "Tajikistan denied any role; Russia and Turkey said nothing.";

        Classification result = CLASSIFIER.classify(new Document(title, text, "en", null));

        assertThat(result.country()).isEqualTo("TR");
        assertThat(result.otherCountries()).as("Russia, named once in passing, is not concerned").containsExactly("TJ");
    }

    @Test
    void namesAnotherCountryWhenItActedAndLeavesOutOneNamedInPassing() {
        String text = "Russian forces detained a photographer in Kherson on Monday. "
                + "He had worked for a French news agency.";

        Classification result = CLASSIFIER.classify(new Document("", text, "en", null));

        assertThat(result.country()).as("where it happened, not who did it").isEqualTo("UA");
        assertThat(result.otherCountries()).containsExactly("RU");
        assertThat(result.violationTypes()).contains(ViolationType.JOURNALIST_DETAINED);
    }

    @Test
    void findsANewRoleWordWithEveryActInBothOrders() {
        Classification english = CLASSIFIER.classify(new Document("",
                "A videographer who had filmed the strike for a week was later detained by police.", "en", null));
        Classification russian = CLASSIFIER.classify(new Document("",
                "Полиция задержала стримера, который вел трансляцию с рынка.", "ru", null));

        assertThat(english.violationTypes()).containsExactly(ViolationType.JOURNALIST_DETAINED);
        assertThat(tag(english, "violation", "journalist_detained").evidence()).extracting(Evidence::words)
                .containsExactly("videographer who had filmed the strike for a week was later detained");
        assertThat(russian.violationTypes()).containsExactly(ViolationType.JOURNALIST_DETAINED);
    }

    @Test
    void countsAnActivistHeldAtAProtestAsAProtesterAndElsewhereAsADefender() {
        Classification atAProtest = CLASSIFIER.classify(new Document("",
                "Police detained 12 people at a picket against the new dam. Among the detainees were two activists.",
                "en", null));
        Classification alone = CLASSIFIER.classify(new Document("",
                "Security officers arrested an activist at her home in Tashkent.", "en", null));

        assertThat(atAProtest.violationTypes()).containsExactly(ViolationType.PROTESTER_DETAINED);
        assertThat(atAProtest.freedoms()).containsExactly(Freedom.PEACEFUL_ASSEMBLY);
        assertThat(alone.violationTypes()).containsExactly(ViolationType.HRD_DETAINED);
    }

    @Test
    void takesAFreedomFromWhatHappenedNotFromAJournalistQuotedOrAProtestRecalled() {
        String text = "The finance minister told journalists that the budget would grow. "
                + "Teachers had demanded higher pay at protests last spring. "
                + "Police later detained a union leader who organised them.";

        Classification result = CLASSIFIER.classify(new Document("Budget to grow", text, "en", null));

        assertThat(result.violationTypes()).containsExactly(ViolationType.HRD_DETAINED);
        assertThat(result.freedoms()).containsExactly(Freedom.ASSOCIATION);
    }

    @Test
    void readsAViolationInBracketsAsAnAside() {
        String text = "Редакция издания (признано в России нежелательной организацией) отметила юбилей концертом.";

        Classification result = CLASSIFIER.classify(new Document("", text, "ru", null));

        assertThat(result.violationTypes()).isEmpty();
        assertThat(result.urgency()).isEqualTo(Urgency.ROUTINE);
    }

    @Test
    void keepsAShortDetentionThatEndedInReleaseAndCallsItNoPositiveDevelopment() {
        String text = "Police detained three protesters at the rally in Yerevan. They were released after four hours.";

        Classification result = CLASSIFIER.classify(new Document("", text, "en", null));

        assertThat(result.violationTypes()).containsExactly(ViolationType.PROTESTER_DETAINED);
        assertThat(result.urgency()).isEqualTo(Urgency.HIGH);
    }

    @Test
    void labelsAJournalistAForeignAgentAsExpressionAndAForeignAgentLawAsAssociation() {
        Classification journalist = CLASSIFIER.classify(new Document("",
                "The justice ministry added two journalists to its register of foreign agents.", "en", null));
        Classification law = CLASSIFIER.classify(new Document("",
                "Parliament passed the law on foreign agents in the third reading.", "en", null));

        assertThat(journalist.violationTypes()).containsExactly(ViolationType.FOREIGN_AGENT_LABEL);
        assertThat(journalist.freedoms()).containsExactly(Freedom.EXPRESSION);
        assertThat(law.violationTypes()).contains(ViolationType.RESTRICTIVE_LAW);
        assertThat(law.freedoms()).containsExactly(Freedom.ASSOCIATION);
    }

    @Test
    void saysZzAndNotRelevantForATextAboutNothingWeWatch() {
        Classification result = CLASSIFIER.classify(
                new Document("Recipe", "Mix the flour with two eggs and bake for twenty minutes.", null, null));

        assertThat(result.country()).isEqualTo(Classification.NO_COUNTRY);
        assertThat(result.urgency()).isEqualTo(Urgency.NOT_RELEVANT);
        assertThat(result.tags()).extracting(Tag::kind).containsExactly("language", "urgency");
    }

    @Test
    void doesNotReadACountryInsideALongerWord() {
        Classification result = CLASSIFIER.classify(
                new Document("", "A woman from Romania studied in Indiana.", "en", null));

        assertThat(result.country()).isEqualTo("RO");
        assertThat(result.otherCountries()).isEmpty();
    }

    @Test
    void keepsTheDeclaredLanguageAndTagsItAsGiven() {
        Classification result = CLASSIFIER.classify(new Document("", "Протест в Бишкеке", "ru-KG", null));

        assertThat(result.language()).isEqualTo("ru");
        assertThat(tag(result, "language", "ru").fromHint()).isTrue();
    }

    @Test
    void everyEvidenceSpanIsTheTextAtItsOffsets() {
        String title = "Журналиста избили на митинге в Ереване";
        String text = "Корреспондента независимого издания избили полицейские, его камеру разбили. "
                + "Police in Yerevan also detained three protesters and used stun grenades.";

        Classification result = CLASSIFIER.classify(new Document(title, text, null, null));

        assertThat(result.country()).isEqualTo("AM");
        assertThat(result.violationTypes()).contains(ViolationType.JOURNALIST_ATTACKED,
                ViolationType.PROTESTER_DETAINED, ViolationType.EXCESSIVE_FORCE);
        for (Tag tag : result.tags()) {
            for (Evidence evidence : tag.evidence()) {
                String field = evidence.field().equals("title") ? title : text;
                assertThat(field.substring(evidence.start(), evidence.end()))
                        .as(tag.kind() + " " + tag.value()).isEqualTo(evidence.words());
            }
            assertThat(tag.confidence()).isBetween(0.0, 1.0);
        }
    }

    private static Tag tag(Classification result, String kind, String value) {
        List<Tag> found = result.tags().stream()
                .filter(tag -> tag.kind().equals(kind) && tag.value().equals(value)).toList();
        assertThat(found).as(kind + " " + value).hasSize(1);
        return found.get(0);
    }
}
