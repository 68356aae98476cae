package org.civicspace.export.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void foldsCaseAccentsAndPunctuationInLatinAndCyrillic() {
        assertThat(Tokens.of("Police DETAINED the café's owner; «Задержан» ёж, Ёлка!"))
                .containsExactly("police", "detained", "the", "cafe", "owner", "задержан", "еж", "елка");
    }

    @Test
    void dropsSingleCharactersAndKeepsNumbers() {
        assertThat(Tokens.of("A 15-day term, article 274.1 — и т.д. 2024г")).containsExactly("15", "day", "term",
                "article", "274", "2024г");
    }

    @Test
    void readsEveryTextItIsGivenAndSkipsMissingOnes() {
        assertThat(Tokens.of("Title words", null, "  ", "text words")).containsExactly("title", "words", "text");
    }

    @Test
    void aKeywordOfThreeLettersOrMoreFindsEveryInflectionThatStartsWithIt() {
        assertThat(Tokens.matches("задерж", "задержан")).isTrue();
        assertThat(Tokens.matches("задерж", "задержали")).isTrue();
        assertThat(Tokens.matches("detain", "detained")).isTrue();
        assertThat(Tokens.matches("deten", "detention")).isTrue();
        assertThat(Tokens.matches("detain", "detention")).isFalse();
    }

    @Test
    void aShortKeywordFindsOnlyItself() {
        assertThat(Tokens.matches("un", "un")).isTrue();
        assertThat(Tokens.matches("un", "united")).isFalse();
    }

    @Test
    void wordsShareABucketByTheirFirstThreeLetters() {
        assertThat(Tokens.bucketOf("задержали")).isEqualTo("зад");
        assertThat(Tokens.bucketOf("un")).isEqualTo("un");
    }
}
