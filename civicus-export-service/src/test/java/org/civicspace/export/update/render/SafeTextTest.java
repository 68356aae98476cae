package org.civicspace.export.update.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void linksOnlyAbsoluteWebAddresses() {
        assertThat(SafeText.webLink(" https://news.example.org/a?b=1 ")).contains("https://news.example.org/a?b=1");
        assertThat(SafeText.webLink("HTTP://example.org/")).contains("HTTP://example.org/");
        assertThat(SafeText.webLink("https://example.org/путь")).contains("https://example.org/%D0%BF%D1%83%D1%82%D1%8C");
        for (String notALink : new String[] {null, "", "javascript:alert(1)", "JavaScript:alert(1)",
                " javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "file:///etc/passwd",
                "//example.org/x", "/relative", "http:/no-host", "https://exa mple.org", "mailto:someone@example.org"}) {
            assertThat(SafeText.webLink(notALink)).as(String.valueOf(notALink)).isEmpty();
        }
    }

    @Test
    void dropsWhatAFormatCannotHoldOrWouldReadDifferently() {
        assertThat(SafeText.clean("a\u0000b\u0007c\u001Bd")).isEqualTo("abcd");
        assertThat(SafeText.clean("one\r\ntwo\rthree\tfour")).isEqualTo("one\ntwo\nthree four");
        assertThat(SafeText.clean("file\u202Etxt.exe")).isEqualTo("filetxt.exe");
        assertThat(SafeText.clean("\uFFFF\uD800ok")).isEqualTo("ok");
        assertThat(SafeText.clean(null)).isEmpty();
        assertThat(SafeText.line(" a\n\n b  c ")).isEqualTo("a b c");
        assertThat(SafeText.clean("Ёлка «ёж» 😀")).isEqualTo("Ёлка «ёж» 😀");
    }

    @Test
    void guessesTheLanguageFromTheLetters() {
        assertThat(SafeText.language("Police detained a defender")).isEqualTo("en");
        assertThat(SafeText.language("Полиция задержала правозащитника")).isEqualTo("ru");
        assertThat(SafeText.language("Поліція затримала правозахисника, її звинуватили")).isEqualTo("uk");
        assertThat(SafeText.language("Полиция құқық қорғаушыны ұстады")).isEqualTo("kk");
        assertThat(SafeText.language("Міліцыя затрымала праваабаронцу ў Мінску")).isEqualTo("be");
        assertThat(SafeText.language("Person-3F9A2C задержан в Алматы")).isEqualTo("ru");
        assertThat(SafeText.language("2026 — 42")).isNull();
    }
}
