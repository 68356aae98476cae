package org.civicspace.classification.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every phrase of every classifier data file ({@code classifier/*.tsv}), cut into plain keywords
 * for a bare multi-pattern scan: {@code a ... b} and {@code a ~ b} give {@code a} and {@code b},
 * and a stem's {@code *} is dropped (the scan finds it inside longer words anyway).
 */
final class LexiconPatterns {

    /** Data files whose cells are labels (urgencies, freedoms) or letters, not phrases. */
    static final Set<String> NOT_PHRASES = Set.of("urgency.tsv", "violation-freedoms.tsv", "violation-context.tsv",
            "languages.tsv", "violation-role-acts.tsv", "person-not-names.tsv");
    private static final String ANY_FILE = "/classifier/countries.tsv";

    private LexiconPatterns() {
    }

    static Set<String> all() {
        Set<String> keywords = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder())) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".tsv"))
                    .filter(path -> !NOT_PHRASES.contains(path.getFileName().toString())).sorted().toList()) {
                Files.readAllLines(file, StandardCharsets.UTF_8).forEach(line -> addPhrases(line, keywords));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the classifier data files", e);
        }
        return keywords;
    }

    private static void addPhrases(String line, Set<String> keywords) {
        if (line.isBlank() || line.strip().startsWith("#")) {
            return;
        }
        String[] cells = line.split("\t");
        for (int i = 1; i < cells.length; i++) {
            String cell = cells[i].strip();
            // the second cell of an exclusion row names a country code or '-', not a phrase
            if (cell.isEmpty() || cell.equals("-") || cell.matches("[A-Z]{2}")) {
                continue;
            }
            for (String part : cell.split("\\s+(\\.\\.\\.|…|~)\\s+")) {
                String keyword = part.replace("*", "").strip().toLowerCase(Locale.ROOT);
                if (!keyword.isEmpty()) {
                    keywords.add(keyword);
                }
            }
        }
    }

    /** The classifier's data folder, in a jar or a directory. */
    private static Path folder() throws IOException {
        URL any = LexiconPatterns.class.getResource(ANY_FILE);
        if (any == null) {
            throw new IllegalStateException("classifier data missing from the classpath: " + ANY_FILE);
        }
        try {
            URI uri = any.toURI();
            if (uri.getScheme().equals("jar")) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // opened by an earlier call: Path.of finds it
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
