package org.civicspace.classification.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.civicspace.classification.domain.Document;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BenchCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsATableThenTheFiguresAsOneJsonObjectOnTheLastLine() {
        // a single short in-process iteration: this checks what the command prints, not the speed
        int exit = run("--forks", "0", "--warmups", "0", "--iterations", "1", "--seconds", "1", "--json");

        assertThat(exit).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("bench classifier: 64 documents");
        assertThat(lines).anyMatch(line -> line.strip().startsWith("classifier_ratio"));
        JsonNode figures = JsonMapper.shared().readTree(lines.get(lines.size() - 1));
        for (String key : List.of("classifier_docs_per_s", "scan_docs_per_s", "classifier_ratio")) {
            assertThat(figures.get(key).asDouble()).as(key).isPositive();
        }
        assertThat(figures.get("documents").asInt()).isEqualTo(64);
        // JMH's own progress goes to stderr, so stdout stays readable by a script
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("# Benchmark:");
    }

    @Test
    void refusesAnUnknownOptionOrABadNumber() {
        assertThat(run("--fast")).isEqualTo(2);
        assertThat(run("--iterations", "zero")).isEqualTo(2);
        assertThat(run("--iterations")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'--fast'", "'zero'", "--iterations needs a number");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void benchmarkDocumentsAreAboutTwoKilobytesInEachLanguage() {
        List<Document> documents = BenchTexts.make(4);

        assertThat(documents).hasSize(8);
        assertThat(documents).extracting(Document::language).containsOnly("en", "ru");
        assertThat(documents).allSatisfy(document ->
                assertThat(BenchTexts.utf8Bytes(document)).isBetween(BenchTexts.TARGET_BYTES, 2 * BenchTexts.TARGET_BYTES));
    }

    @Test
    void theScanHasEveryPhraseOfTheDataFilesAsPlainKeywords() {
        Set<String> keywords = LexiconPatterns.all();

        // "Kazakh*" (countries), "activist* ... detain*" (violations), "в изгнании" (abroad), "Atlanta" (exclusions)
        assertThat(keywords).contains("kazakh", "activist", "detain", "в изгнании", "atlanta", "საქართველო");
        // country codes, '-' and urgency levels are not phrases
        assertThat(keywords).doesNotContain("us", "-", "urgent", "...", "~");
        assertThat(keywords).allSatisfy(keyword -> assertThat(keyword).doesNotContain("*", "\t"));
    }

    private int run(String... args) {
        return BenchCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
