package org.civicspace.classification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.civicspace.events.Evidence;
import org.civicspace.events.Tag;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private static final LanguageDetector DETECTOR = LanguageDetector.fromClasspath();
    private static final List<String> LANGUAGES =
            List.of("en", "ru", "uk", "be", "kk", "ky", "tg", "uz", "az", "ro", "ka", "hy");

    /** Our own short texts (src/test/resources/language/short-texts.tsv), detected with no language declared. */
    @Test
    void tellsEachLanguageOfTheRegionFromShortTexts() throws IOException {
        Map<String, int[]> rightOfAll = new TreeMap<>();
        for (String[] item : labelledTexts()) {
            Tag tag = DETECTOR.detect(new Document("", item[1], null, null));
            int[] counts = rightOfAll.computeIfAbsent(item[0], code -> new int[2]);
            counts[0] += tag.value().equals(item[0]) ? 1 : 0;
            if (!tag.value().equals(item[0])) {
                System.out.printf("language %s read as %s: %s%n", item[0], tag.value(), item[1]);
            }
            counts[1]++;
        }

        assertThat(rightOfAll.keySet()).containsExactlyInAnyOrderElementsOf(LANGUAGES);
        rightOfAll.forEach((code, counts) -> {
            System.out.printf("language %s: %d of %d right%n", code, counts[0], counts[1]);
            assertThat(counts[1]).as(code + " texts").isGreaterThanOrEqualTo(10);
            assertThat((double) counts[0] / counts[1]).as(code + " accuracy").isGreaterThanOrEqualTo(0.9);
        });
    }

    @Test
    void aDetectedLanguageOverridesAWrongDeclarationAndSaysItWasDetected() {
        Tag tag = DETECTOR.detect(new Document("Протест у Києві",
                "Поліція затримала двох студентів, які вийшли на акцію біля будівлі уряду.", "ru", null));

        assertThat(tag.kind()).isEqualTo("language");
        assertThat(tag.value()).isEqualTo("uk");
        assertThat(tag.fromHint()).isFalse();
        assertThat(tag.confidence()).isBetween(0.5, 1.0);
    }

    @Test
    void keepsTheDeclaredLanguageWhenTheTextIsTooShortToTell() {
        Tag tag = DETECTOR.detect(new Document("", "Бишкек, 3 март", "ky-KG", null));

        assertThat(tag.value()).isEqualTo("ky");
        assertThat(tag.fromHint()).isTrue();
        assertThat(tag.evidence()).isEmpty();
    }

    @Test
    void assumesRussianOrEnglishByScriptWhenNothingTellsAndNothingIsDeclared() {
        assertThat(DETECTOR.detect(new Document("", "Бишкек", null, null)))
                .extracting(Tag::value, Tag::confidence, Tag::fromHint).containsExactly("ru", 0.5, false);
        assertThat(DETECTOR.detect(new Document("Bishkek", "", null, null)).value()).isEqualTo("en");
        assertThat(DETECTOR.detect(new Document("", "2024", null, null)).value()).isEqualTo("en");
    }

    @Test
    void aScriptOfOneLanguageDecidesFromAFewLetters() {
        assertThat(DETECTOR.detect(new Document("", "საქართველოს პარლამენტი", "ru", null)).value()).isEqualTo("ka");
        assertThat(DETECTOR.detect(new Document("Հայաստանում", "", "en", null)).value()).isEqualTo("hy");
    }

    @Test
    void readsEveryApostropheOfUzbekAlike() {
        String plain = "Oʻzbekistonda jurnalist hibsga olindi va uning uyida tintuv oʻtkazildi.";
        for (String apostrophe : List.of("ʻ", "'", "‘", "’")) {
            Tag tag = DETECTOR.detect(new Document("", plain.replace("ʻ", apostrophe), null, null));
            assertThat(tag.value()).as(apostrophe).isEqualTo("uz");
        }
    }

    @Test
    void showsTheWordsThatMadeTheLanguageAtTheirOffsets() {
        String title = "Қазақстанда белсенді ұсталды";
        String text = "Полиция белсендіні сот ғимаратының жанында ұстады және оның телефонын алды.";

        Tag tag = DETECTOR.detect(new Document(title, text, null, null));

        assertThat(tag.value()).isEqualTo("kk");
        assertThat(tag.evidence()).hasSizeBetween(1, LanguageDetector.MAX_SPANS);
        for (Evidence span : tag.evidence()) {
            String field = span.field().equals("title") ? title : text;
            assertThat(field.substring(span.start(), span.end())).isEqualTo(span.words());
        }
        assertThat(tag.evidence()).extracting(Evidence::words).contains("Қазақстанда");
    }

    @Test
    void aBadRowIsReportedWithItsFileAndLine() {
        assertThatThrownBy(() -> LanguageDetector.load(DataFile.parse("languages.tsv", "# x\nxx\tsounds\ta\n")))
                .hasMessageContaining("languages.tsv:2").hasMessageContaining("sounds");
        assertThatThrownBy(() -> LanguageDetector.load(DataFile.parse("languages.tsv", "xx\tscript\tKlingon\n")))
                .hasMessageContaining("languages.tsv:1").hasMessageContaining("Klingon");
        assertThatThrownBy(() -> LanguageDetector.load(DataFile.parse("languages.tsv", "xx\tletters\tabc\n")))
                .hasMessageContaining("'abc'");
    }

    static List<String[]> labelledTexts() throws IOException {
        try (InputStream in = LanguageDetectorTest.class.getResourceAsStream("/language/short-texts.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", 2)).toList();
        }
    }
}
