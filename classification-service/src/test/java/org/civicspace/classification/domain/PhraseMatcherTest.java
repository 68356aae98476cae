package org.civicspace.classification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    @Test
    void aStemMatchesInflectedFormsButOnlyAtTheStartOfAWord() {
        PhraseMatcher<String> matcher = new PhraseMatcher<String>(false).add("KZ", "Казахстан*");

        assertThat(words(matcher, "в Казахстане и казахстанского суда, но не в ПостКазахстане"))
                .containsExactly("Казахстане", "казахстанского");
    }

    @Test
    void aWordWithoutAStarMatchesOnlyTheWholeWordInAnyCase() {
        PhraseMatcher<String> matcher = new PhraseMatcher<String>(false).add("OM", "Oman");

        assertThat(words(matcher, "A woman from OMAN, not from Omania.")).containsExactly("OMAN");
    }

    @Test
    void aGapLetsAtMostFourWordsOfTheSameSentenceStandBetween() {
        PhraseMatcher<String> matcher = new PhraseMatcher<String>(false).add("hrd", "activist* ... detain*");

        assertThat(words(matcher, "The activist, a mother of two, was detained.")).isEmpty();
        assertThat(words(matcher, "The activist, a mother, was detained."))
                .containsExactly("activist, a mother, was detained");
        assertThat(words(matcher, "She is an activist. Police detained him.")).isEmpty();
    }

    @Test
    void aClauseGapStopsAtAComma() {
        PhraseMatcher<String> matcher = new PhraseMatcher<String>(false).add("journalist", "detain* … blogger*");

        assertThat(words(matcher, "Police detained two suspects, the blogger said.")).isEmpty();
        assertThat(words(matcher, "Police detained the well-known blogger.")).containsExactly("detained the well-known blogger");
    }

    @Test
    void anAbbreviationDoesNotEndTheSentence() {
        PhraseMatcher<String> matcher = new PhraseMatcher<String>(false).add("US", "U.S. state");

        assertThat(words(matcher, "the U.S. state of Georgia")).containsExactly("U.S. state");
    }

    @Test
    void yoAndYeAreTheSameLetter() {
        PhraseMatcher<String> matcher = new PhraseMatcher<String>(false).add("MD", "Кишинёв*");

        assertThat(words(matcher, "в Кишиневе и в Кишинёве")).containsExactly("Кишиневе", "Кишинёве");
    }

    @Test
    void theLongestNameWinsWhenASpanCanHaveOneLabel() {
        PhraseMatcher<String> matcher = new PhraseMatcher<String>(true).add("SD", "Sudan").add("SS", "South Sudan");

        List<Match<String>> found = matcher.find(TextField.of("text", "South Sudan is not Sudan."));

        assertThat(found).extracting(Match::label).containsExactly("SS", "SD");
    }

    private static List<String> words(PhraseMatcher<String> matcher, String text) {
        return matcher.find(TextField.of("text", text)).stream().map(match -> match.evidence().words()).toList();
    }
}
