package org.civicspace.ingest.domain.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormaliserTest {

    @Test
    void foldsCaseYoTypographyAndSpacing() {
        assertThat(TextNormaliser.normalise("  Ёлки-палки:\t«ЖЁСТКИЙ»   диск —\n\nнайден! "))
                .isEqualTo("елки палки жесткий диск найден");
        assertThat(TextNormaliser.normalise("The “editor’s” office—searched…")).isEqualTo("the editors office searched");
    }

    @Test
    void makesFullWidthAndCompatibilityFormsPlain() {
        assertThat(TextNormaliser.normalise("ＰＯＬＩＣＥ ｄｅｔａｉｎｅｄ ﬁve")).isEqualTo("police detained five");
    }

    @Test
    void dropsMarkupAndDecodesEntitiesEvenWhenEscapedOnceMore() {
        assertThat(TextNormaliser.normalise("<p class=\"lead\">Police&nbsp;detained <b>an&#32;editor</b></p><!-- ad -->"))
                .isEqualTo("police detained an editor");
        assertThat(TextNormaliser.normalise("&lt;p&gt;&#1050;&#x43E;&#1082; &laquo;Жар&raquo;&lt;/p&gt;"))
                .isEqualTo("кок жар");
        assertThat(TextNormaliser.normalise("if a < b and c > d")).isEqualTo("if a b and c d");
    }

    @Test
    void joinsInvisibleBreaksAndDropsStressMarks() {
        assertThat(TextNormaliser.normalise("демон\u00ADстра\u0301ция re\u200Bport")).isEqualTo("демонстрация report");
    }

    @Test
    void writesANumberOneWayWhateverItsThousandsSeparator() {
        assertThat(TextNormaliser.normalise("4,500 4 500 4\u00A0500 4.500 4500"))
                .isEqualTo("4500 4500 4500 4500 4500");
        assertThat(TextNormaliser.normalise("3.5 per cent on 12.05.2026, at 10:30"))
                .isEqualTo("3 5 per cent on 12 05 2026 at 10 30");
    }

    @Test
    void hasNoWordsForNothing() {
        assertThat(TextNormaliser.words(null)).isEmpty();
        assertThat(TextNormaliser.words(" — … ")).isEmpty();
    }
}
