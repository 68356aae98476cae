package org.civicspace.classification.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads a gold JSON Lines file: one labelled item a line, blank lines skipped. */
public final class GoldFile {

    private static final JsonMapper JSON = JsonMapper.shared();

    private GoldFile() {
    }

    /** The items in file order; a malformed line is an {@link IllegalArgumentException} naming its line. */
    public static List<GoldItem> read(Path file) throws IOException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    static List<GoldItem> parse(String name, String content) {
        List<GoldItem> items = new ArrayList<>();
        List<String> lines = content.replace("\uFEFF", "").lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                items.add(GoldItem.of(JSON.readTree(lines.get(i))));
            } catch (JacksonException | IllegalArgumentException e) {
                String problem = e instanceof JacksonException json ? json.getOriginalMessage() : e.getMessage();
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": " + problem, e);
            }
        }
        return items;
    }
}
