package org.civicspace.classification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.civicspace.events.Classification;
import org.civicspace.events.Entity;
import org.civicspace.events.EntityKind;
import org.civicspace.events.Evidence;
import org.junit.jupiter.api.Test;

/** The people, organisations and places a classification names; all texts are made up. */
class EntitiesTest {

    private static final Classifier CLASSIFIER = Classifier.fromClasspath();

    @Test
    void namesThePersonAfterTheirRoleWithTheSpanOfTheName() {
        String text = "Police in Karaganda detained environmental activist Aigerim Tulegenova on Friday.";

        List<Entity> people = entities(text, EntityKind.PERSON);

        assertThat(people).extracting(Entity::name).containsExactly("Aigerim Tulegenova");
        Evidence span = people.get(0).evidence().get(0);
        assertThat(text.substring(span.start(), span.end())).isEqualTo("Aigerim Tulegenova");
        assertThat(span.field()).isEqualTo("text");
    }

    @Test
    void namesThePersonBeforeACommaAndTheirRole() {
        String text = "Officers searched the flat of Ruslan Abdykadyrov, a local reporter, and took his laptop.";

        assertThat(names(text, EntityKind.PERSON)).containsExactly("Ruslan Abdykadyrov");
    }

    @Test
    void namesRussianPeopleInAnyCase() {
        String text = "В Бишкеке задержали журналиста Тимура Осмонова. Адвокат Айпери Садыкова сообщила, "
                + "что Осмонова допросили. Ранее полиция вызывала активистку Динару Асанову.";

        assertThat(names(text, EntityKind.PERSON)).containsExactly("Тимура Осмонова", "Айпери Садыкова", "Динару Асанову");
    }

    @Test
    void aSingleCapitalisedWordOrAPlaceAfterARoleIsNoPerson() {
        String text = "Journalists Tuesday joined activists Almaty residents and reporters Kyrgyz authorities called in.";

        assertThat(names(text, EntityKind.PERSON)).isEmpty();
    }

    @Test
    void aRoleWordInsideANameIsNoRole() {
        String text = "The watchdog Reporters Without Borders condemned the raid.";

        assertThat(names(text, EntityKind.PERSON)).isEmpty();
    }

    @Test
    void aCountryAfterAnOrganisationsNameIsNotPartOfIt() {
        String text = "Grants came from the Open Steppe Foundation and Norway.";

        assertThat(names(text, EntityKind.ORGANISATION)).containsExactly("Open Steppe Foundation");
    }

    @Test
    void aHeadlineInTitleCaseNamesNoPerson() {
        List<Entity> found = CLASSIFIER.classify(new Document("Journalist Held Overnight In Minsk Raid",
                "Officers held a reporter overnight.", "en", null)).entities();

        assertThat(found).extracting(Entity::kind).doesNotContain(EntityKind.PERSON);
    }

    @Test
    void namesOrganisationsInQuotesInCapitalsAndByTheirLastWord() {
        String text = "Staff of the Steppe Media Foundation said the NGO \"Open Courtyard\" and the rights group "
                + "Adil Soz had been warned. Правозащитный центр «Голос Степи» и организация ОВД-Инфо осудили обыск.";

        assertThat(names(text, EntityKind.ORGANISATION))
                .containsExactly("Steppe Media Foundation", "Open Courtyard", "Adil Soz", "Голос Степи", "ОВД-Инфо");
    }

    @Test
    void namesAnOrganisationWrittenBeforeItsWordButNotACountrysAdjective() {
        String text = "Members of the Jana Zhol movement and a Kazakh newspaper reported the fine.";

        assertThat(names(text, EntityKind.ORGANISATION)).containsExactly("Jana Zhol");
    }

    @Test
    void aCentralRegionIsNoOrganisation() {
        String text = "Протесты прошли в центре Минска и в центральной Азии.";

        assertThat(names(text, EntityKind.ORGANISATION)).isEmpty();
    }

    @Test
    void placesAreReportedByTheirGazetteerNameInEitherLanguageButNotTheCountry() {
        List<Entity> places = entities("Police in Kazakhstan detained protesters in Alma-Ata and in Алматы.", EntityKind.PLACE);

        assertThat(places).extracting(Entity::name).containsExactly("Almaty");
        assertThat(places.get(0).evidence()).extracting(Evidence::words).containsExactly("Alma-Ata", "Алматы");
    }

    @Test
    void aPlaceAnExclusionGivesToAnotherCountryIsNoPlace() {
        String text = "Students at the university in Moscow, Idaho, held a protest over tuition.";

        assertThat(names(text, EntityKind.PLACE)).doesNotContain("Moscow");
    }

    @Test
    void theSameNameTwiceIsOneEntityWithBothSpans() {
        Classification classification = CLASSIFIER.classify(new Document("Blogger Daniyar Seitkali detained",
                "Police detained blogger Daniyar Seitkali in Shymkent.", "en", null));

        assertThat(classification.entities()).extracting(Entity::kind, Entity::name)
                .containsExactly(tuple(EntityKind.PERSON, "Daniyar Seitkali"), tuple(EntityKind.PLACE, "Shymkent"));
        assertThat(classification.entities().get(0).evidence()).extracting(Evidence::field).containsExactly("title", "text");
    }

    private static List<String> names(String text, EntityKind kind) {
        return entities(text, kind).stream().map(Entity::name).toList();
    }

    private static List<Entity> entities(String text, EntityKind kind) {
        return CLASSIFIER.classify(new Document("", text, null, null)).entities().stream()
                .filter(entity -> entity.kind() == kind).toList();
    }
}
