package org.civicspace.ingest.domain.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicspace.ingest.domain.dedup.WireStories.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.civicspace.ingest.domain.dedup.Verdict.Kind;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

    private final NearDuplicates duplicates = new NearDuplicates(NearDuplicates.DEFAULT_THRESHOLD);
    /** Stands in for the index: every report remembered so far, in the order seen. */
    private final List<KnownReport> seen = new ArrayList<>();
    private Instant clock = Instant.parse("2026-03-03T08:00:00Z");

    @Test
    void recognisesAnEnglishWireStoryRepublishedByTwoOutletsAsOneStory() {
        assertThat(see("wire", EN_WIRE_TITLE, EN_WIRE_TEXT)).isEqualTo(Verdict.NEW);
        assertThat(see("outlet-a", EN_OUTLET_A_TITLE, EN_OUTLET_A_TEXT)).isEqualTo(Verdict.nearDuplicateOf("wire"));
        assertThat(see("outlet-b", EN_OUTLET_B_TITLE, EN_OUTLET_B_TEXT)).isEqualTo(Verdict.nearDuplicateOf("wire"));
    }

    @Test
    void recognisesARussianWireStoryRepublishedByTwoOutletsAsOneStory() {
        assertThat(see("wire", RU_WIRE_TITLE, RU_WIRE_TEXT)).isEqualTo(Verdict.NEW);
        assertThat(see("outlet-a", RU_OUTLET_A_TITLE, RU_OUTLET_A_TEXT)).isEqualTo(Verdict.nearDuplicateOf("wire"));
        assertThat(see("outlet-b", RU_OUTLET_B_TITLE, RU_OUTLET_B_TEXT)).isEqualTo(Verdict.nearDuplicateOf("wire"));
    }

    @Test
    void recognisesTwoOutletsCopiesOfAWireStoryWhoseOriginalWasNeverSeen() {
        assertThat(see("outlet-b", EN_OUTLET_B_TITLE, EN_OUTLET_B_TEXT)).isEqualTo(Verdict.NEW);
        assertThat(see("outlet-a", EN_OUTLET_A_TITLE, EN_OUTLET_A_TEXT)).isEqualTo(Verdict.nearDuplicateOf("outlet-b"));
        assertThat(see("ru-b", RU_OUTLET_B_TITLE, RU_OUTLET_B_TEXT)).isEqualTo(Verdict.NEW);
        assertThat(see("ru-a", RU_OUTLET_A_TITLE, RU_OUTLET_A_TEXT)).isEqualTo(Verdict.nearDuplicateOf("ru-b"));
    }

    @Test
    void tellsApartTwoStoriesOnTheSameTopicInTheSameCountry() {
        see("wire", EN_WIRE_TITLE, EN_WIRE_TEXT);
        see("ru-wire", RU_WIRE_TITLE, RU_WIRE_TEXT);
        assertThat(see("other", EN_OTHER_TITLE, EN_OTHER_TEXT)).isEqualTo(Verdict.NEW);
        assertThat(see("ru-other", RU_OTHER_TITLE, RU_OTHER_TEXT)).isEqualTo(Verdict.NEW);
    }

    @Test
    void takesAFollowUpThatReusesTheBackgroundForANewReport() {
        see("wire", EN_WIRE_TITLE, EN_WIRE_TEXT);
        assertThat(see("follow-up", EN_FOLLOW_UP_TITLE, EN_FOLLOW_UP_TEXT)).isEqualTo(Verdict.NEW);
    }

    @Test
    void neverMatchesReportsSignedInDifferentScopes() {
        Signature common = duplicates.sign(EN_WIRE_TITLE, EN_WIRE_TEXT, null);
        Signature confidential = duplicates.sign(EN_WIRE_TITLE, EN_WIRE_TEXT, null, "confidential");
        Signature restricted = duplicates.sign(EN_WIRE_TITLE, EN_WIRE_TEXT, null, "restricted");

        for (Signature[] pair : List.of(new Signature[] {common, confidential}, new Signature[] {common, restricted},
                new Signature[] {confidential, restricted})) {
            assertThat(pair[0].fingerprints()).doesNotContainAnyElementsOf(pair[1].fingerprints());
            assertThat(pair[0].bandKeys()).doesNotContainAnyElementsOf(pair[1].bandKeys());
        }
        // even handed to the judge together, the same text in another scope is no match
        KnownReport secret = new KnownReport("secret", clock, confidential, null);
        assertThat(duplicates.judge("public", common, List.of(secret))).isEqualTo(Verdict.NEW);
        assertThat(duplicates.judge("secret-2", duplicates.sign(EN_WIRE_TITLE, EN_WIRE_TEXT, null, "confidential"),
                List.of(secret))).isEqualTo(Verdict.exactDuplicateOf("secret"));
    }

    @Test
    void doesNotMatchAStoryWithItsTranslation() {
        see("wire", EN_WIRE_TITLE, EN_WIRE_TEXT);
        assertThat(see("ru-wire", RU_WIRE_TITLE, RU_WIRE_TEXT)).isEqualTo(Verdict.NEW);
    }

    @Test
    void takesTheSameTextWithMarkupQuotesYoAndSpacingForAnExactCopy() {
        see("wire", RU_WIRE_TITLE, RU_WIRE_TEXT);
        String retyped = "<div>" + RU_WIRE_TEXT.replace("«", "&quot;").replace("»", "\"").replace('е', 'ё')
                .replace(" ", "  ").replace("\n\n", "</p>\n<p>") + "</div>";
        assertThat(see("copy", " " + RU_WIRE_TITLE.toUpperCase() + "\n", retyped))
                .isEqualTo(Verdict.exactDuplicateOf("wire"));
    }

    @Test
    void stillRecognisesTheStoryWithItsParagraphsReorderedAndWordsSwapped() {
        see("wire", EN_WIRE_TITLE, EN_WIRE_TEXT);
        List<String> paragraphs = new ArrayList<>(Arrays.asList(EN_WIRE_TEXT.split("\n\n")));
        Collections.reverse(paragraphs);
        String reordered = String.join("\n\n", paragraphs)
                .replace("Police in Bishkek on Tuesday detained", "On Tuesday police in Bishkek detained")
                .replace("laptops, hard drives", "hard drives, laptops")
                .replace("would appeal against his detention", "would against his detention appeal");
        assertThat(see("reordered", EN_WIRE_TITLE, reordered)).isEqualTo(Verdict.nearDuplicateOf("wire"));
    }

    @Test
    void takesTheSameItemUrlForAnExactCopyWhateverItsText() {
        seen.add(new KnownReport("first", clock, duplicates.sign(EN_WIRE_TITLE, EN_WIRE_TEXT, "https://news.example/a/1"), null));
        Signature updated = duplicates.sign(EN_FOLLOW_UP_TITLE, EN_FOLLOW_UP_TEXT, "https://news.example/a/1");
        assertThat(duplicates.judge("second", updated, seen)).isEqualTo(Verdict.exactDuplicateOf("first"));
    }

    @Test
    void matchesShortTextsOnlyExactly() {
        String title = "Activist detained in Osh";
        String text = "Police detained the activist Bakyt Asanov after a picket outside the city hall on Monday.";
        Signature shortOne = duplicates.sign(title, text, null);
        assertThat(shortOne.comparable()).isFalse();
        assertThat(shortOne.bandKeys()).isEmpty();

        see("asanov", title, text);
        assertThat(see("another-activist", title, text.replace("Bakyt Asanov", "Gulnara Beishenova")))
                .isEqualTo(Verdict.NEW);
        assertThat(see("asanov-again", title, text)).isEqualTo(Verdict.exactDuplicateOf("asanov"));
    }

    @Test
    void pointsANearDuplicateAtTheFirstReportOfItsStory() {
        seen.add(new KnownReport("outlet-a", clock, duplicates.sign(EN_OUTLET_A_TITLE, EN_OUTLET_A_TEXT, null), "wire"));
        Signature outletB = duplicates.sign(EN_OUTLET_B_TITLE, EN_OUTLET_B_TEXT, null);
        assertThat(duplicates.judge("outlet-b", outletB, seen)).isEqualTo(Verdict.nearDuplicateOf("wire"));
    }

    @Test
    void prefersTheEarliestMatch() {
        Signature wire = duplicates.sign(EN_WIRE_TITLE, EN_WIRE_TEXT, null);
        seen.add(new KnownReport("later", clock.plusSeconds(60), duplicates.sign(EN_OUTLET_A_TITLE, EN_OUTLET_A_TEXT, null), null));
        seen.add(new KnownReport("earlier", clock, duplicates.sign(EN_OUTLET_B_TITLE, EN_OUTLET_B_TEXT, null), null));
        assertThat(duplicates.judge("wire", wire, seen)).isEqualTo(Verdict.nearDuplicateOf("earlier"));
    }

    @Test
    void givesAReportJudgedBeforeTheSameVerdictAgain() {
        see("wire", EN_WIRE_TITLE, EN_WIRE_TEXT);
        see("outlet-a", EN_OUTLET_A_TITLE, EN_OUTLET_A_TEXT);
        assertThat(see("wire", EN_WIRE_TITLE, EN_WIRE_TEXT)).isEqualTo(Verdict.NEW);
        assertThat(see("outlet-a", EN_OUTLET_A_TITLE, EN_OUTLET_A_TEXT)).isEqualTo(Verdict.nearDuplicateOf("wire"));
    }

    @Test
    void comparesOnlySignaturesOfTheSameScheme() {
        Signature current = duplicates.sign(EN_WIRE_TITLE, EN_WIRE_TEXT, null);
        Signature older = new Signature("minhash-v0", List.of("text:elsewhere"), current.minHash(), current.bandKeys());
        seen.add(new KnownReport("old", clock, older, null));
        assertThat(duplicates.judge("wire", current, seen)).isEqualTo(Verdict.NEW);
    }

    @Test
    void refusesAThresholdOutsideZeroToOne() {
        assertThatThrownBy(() -> new NearDuplicates(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NearDuplicates(1.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NearDuplicates(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Judges a report against everything seen before, and remembers it as the index would. */
    private Verdict see(String id, String title, String text) {
        Signature signature = duplicates.sign(title, text, null);
        Verdict verdict = duplicates.judge(id, signature, seen);
        if (verdict.kind() != Kind.EXACT_DUPLICATE && seen.stream().noneMatch(known -> known.reportId().equals(id))) {
            seen.add(new KnownReport(id, clock, signature, verdict.duplicateOf()));
        }
        clock = clock.plusSeconds(60);
        return verdict;
    }
}
