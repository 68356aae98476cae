package org.civicspace.ingest.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void keepsParagraphsAndLineBreaksAsNewlines() {
        assertThat(HtmlText.fromHtml("<p>One</p><p>Two<br>and a half</p><div>Three</div>"))
                .isEqualTo("One\nTwo\nand a half\nThree");
    }

    @Test
    void dropsScriptsStylesAndOtherThingsNoReaderSees() {
        assertThat(HtmlText.fromHtml("<style>p{}</style><p>Seen</p><script>var x = 1;</script><noscript>JS</noscript>"
                + "<iframe src=\"https://ads.example.org\">frame</iframe>"))
                .isEqualTo("Seen");
    }

    @Test
    void decodesEntitiesAndTurnsEveryKindOfSpaceIntoOne() {
        assertThat(HtmlText.fromHtml("Ночь&nbsp;на&#8239;среду &laquo;тихая&raquo; &amp; тёплая"))
                .isEqualTo("Ночь на среду «тихая» & тёплая");
    }

    @Test
    void treatsALineBreakInTheSourceAsASpace() {
        assertThat(HtmlText.fromHtml("<p>Допрос назначен\n   на среду</p>")).isEqualTo("Допрос назначен на среду");
    }

    @Test
    void putsATitleOnOneLine() {
        assertThat(HtmlText.inline("Суд <b>оставил</b><br>в силе &quot;штраф&quot;")).isEqualTo("Суд оставил в силе \"штраф\"");
    }
}
