package org.civicspace.classification.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.civicspace.classification.domain.Document;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's documents: items of our own test corpus (copied to {@value #CORPUS} at build
 * time), English and Russian, one after another until a document holds {@value #TARGET_BYTES}
 * bytes of UTF-8 — the length of a long news item or a partner's report.
 */
final class BenchTexts {

    static final String CORPUS = "/benchmark/civic-corpus.jsonl";
    static final int TARGET_BYTES = 2048;
    static final List<String> LANGUAGES = List.of("en", "ru");

    private BenchTexts() {
    }

    /** {@code perLanguage} documents in each of {@link #LANGUAGES}, each starting at another item of the corpus. */
    static List<Document> make(int perLanguage) {
        List<JsonNode> items = corpus();
        List<Document> documents = new ArrayList<>();
        for (String language : LANGUAGES) {
            List<JsonNode> own = items.stream().filter(item -> item.path("language").asString("").equals(language)).toList();
            for (int i = 0; i < perLanguage; i++) {
                documents.add(document(own, i * 7 % own.size(), language));
            }
        }
        return documents;
    }

    static int utf8Bytes(Document document) {
        return document.title().getBytes(StandardCharsets.UTF_8).length + document.text().getBytes(StandardCharsets.UTF_8).length;
    }

    private static Document document(List<JsonNode> items, int first, String language) {
        String title = items.get(first).path("title").asString("");
        StringBuilder text = new StringBuilder(items.get(first).path("text").asString(""));
        int bytes = title.getBytes(StandardCharsets.UTF_8).length + text.toString().getBytes(StandardCharsets.UTF_8).length;
        for (int next = first + 1; bytes < TARGET_BYTES; next++) {
            JsonNode item = items.get(next % items.size());
            String more = "\n\n" + item.path("title").asString("") + "\n" + item.path("text").asString("");
            text.append(more);
            bytes += more.getBytes(StandardCharsets.UTF_8).length;
        }
        return new Document(title, text.toString(), language, null);
    }

    private static List<JsonNode> corpus() {
        try (InputStream in = BenchTexts.class.getResourceAsStream(CORPUS)) {
            if (in == null) {
                throw new IllegalStateException("the benchmark corpus is missing from the classpath: " + CORPUS);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank())
                    .map(line -> JsonMapper.shared().readTree(line)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
