package org.civicspace.classification.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A classifier data file under {@code classifier/} on the classpath: UTF-8, one entry a line,
 * cells separated by tabs (several tabs count as one), {@code #} starting a comment line. The
 * first cell of a row is its key, the others its values; a key may appear on several rows.
 */
record DataFile(String name, List<Row> rows) {

    static final String FOLDER = "/classifier/";

    /** One row, with where it came from so that an error can point at it. */
    record Row(String file, int line, String key, List<String> values) {

        IllegalStateException error(String problem) {
            return new IllegalStateException(file + ":" + line + ": " + problem);
        }
    }

    static DataFile read(String name) {
        try (InputStream in = DataFile.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("classifier data file missing from the classpath: " + FOLDER + name);
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + name, e);
        }
    }

    static DataFile parse(String name, String content) {
        List<String> lines = content.replace("\uFEFF", "").lines().toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.split("\t")) {
                if (!cell.isBlank()) {
                    cells.add(cell.strip());
                }
            }
            rows.add(new Row(name, i + 1, cells.get(0), List.copyOf(cells.subList(1, cells.size()))));
        }
        return new DataFile(name, List.copyOf(rows));
    }
}
