package org.civicspace.classification.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EvaluateCommandTest {

    private static final String DETENTION = """
            {"id":"kz-1","language":"en","title":"Activist detained in Almaty","text":"Police detained the activist on Monday.","country":"KZ","other_countries":[],"freedoms":["association"],"violation_types":["hrd_detained"],"urgency":"urgent","rationale":"ignored"}
            """;
    private static final String RECIPE = """
            {"id":"zz-1","language":"en","title":"Recipe","text":"Mix the flour with two eggs.","country":"ZZ","other_countries":[],"freedoms":[],"violation_types":["none"],"urgency":"not_relevant"}
            """;
    private static final String RUSSIAN_WRONG = """
            {"id":"ru-1","language":"ru","title":"","text":"В Москве прошла выставка цветов.","country":"RU","other_countries":[],"freedoms":[],"violation_types":["censorship"],"urgency":"high"}
            """;

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsATableAndWithJsonEndsWithOneObjectOfTheHeadlineFigures() throws IOException {
        Path gold = write(DETENTION + RECIPE + "\n" + RUSSIAN_WRONG);

        int status = run("--gold", gold.toString(), "--json");

        assertThat(status).isZero();
        List<String> lines = stdout().lines().toList();
        assertThat(stdout()).contains("country accuracy", "urgent recall", "rows gold, columns classifier");
        JsonNode json = JsonMapper.shared().readTree(lines.get(lines.size() - 1));
        for (String key : List.of("items", "country_accuracy", "freedoms_micro_f1", "violations_micro_f1",
                "urgent_recall", "urgent_precision", "not_relevant_precision")) {
            assertThat(json.has(key)).as(key).isTrue();
            assertThat(json.get("by_language").get("en").has(key)).as("en " + key).isTrue();
            assertThat(json.get("by_language").get("ru").has(key)).as("ru " + key).isTrue();
        }
        assertThat(json.get("items").asInt()).isEqualTo(3);
        assertThat(json.get("by_language").get("en").get("items").asInt()).isEqualTo(2);
        assertThat(json.get("by_language").get("en").get("urgent_recall").asDouble()).isEqualTo(1.0);
        assertThat(json.get("by_language").get("ru").get("violations_micro_f1").asDouble()).isZero();
    }

    @Test
    void listsEachWrongItemWithWhatWasExpectedAndWhatWasFound() throws IOException {
        Path gold = write(DETENTION + RUSSIAN_WRONG);

        assertThat(run("--gold", gold.toString(), "--errors")).isZero();

        assertThat(stdout()).contains("errors: 1 of 2", "- ru-1 [ru]", "violation missed: censorship",
                "urgency: expected high, got not_relevant");
        assertThat(stdout()).doesNotContain("- kz-1");
    }

    @Test
    void aMissingGoldFileIsWrongUseWithAClearMessage() {
        assertThat(run("--gold", folder.resolve("nowhere.jsonl").toString())).isEqualTo(2);
        assertThat(stderr()).contains("no such gold file", "nowhere.jsonl");
    }

    @Test
    void noGoldOrAnUnknownArgumentIsWrongUse() {
        assertThat(run()).isEqualTo(2);
        assertThat(stderr()).contains("--gold FILE is required", "usage");
        assertThat(run("--gold", "x", "--fast")).isEqualTo(2);
        assertThat(run("--gold")).isEqualTo(2);
    }

    @Test
    void aMalformedLineIsReportedWithItsLineNumber() throws IOException {
        Path gold = write(DETENTION + "{\"id\":\"x\",\"language\":\"en\"}\n");

        assertThat(run("--gold", gold.toString())).isEqualTo(2);
        assertThat(stderr()).contains(":2:", "country");
    }

    @Test
    void readsNoneAsTheEmptySetOfViolations() {
        GoldItem item = GoldFile.parse("t", RECIPE).get(0);

        assertThat(item.violationTypes()).isEmpty();
        assertThat(item.urgency()).isEqualTo(Urgency.NOT_RELEVANT);
        assertThat(GoldFile.parse("t", DETENTION).get(0).violationTypes()).containsExactly(ViolationType.HRD_DETAINED);
        assertThatThrownBy(() -> GoldFile.parse("t", RECIPE.replace("\"none\"", "\"nothing\"")))
                .hasMessageContaining("t:1:").hasMessageContaining("nothing");
    }

    private int run(String... args) {
        return EvaluateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path write(String content) throws IOException {
        return Files.writeString(folder.resolve("gold.jsonl"), content);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
