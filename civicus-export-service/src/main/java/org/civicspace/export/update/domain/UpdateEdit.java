package org.civicspace.export.update.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civicspace.export.domain.InvalidParametersException;
import org.civicspace.export.domain.InvalidParametersException.Problem;

/**
 * An editor's change to the text of an update: any of the headline, the introduction and the text
 * of developments (by id); {@code correction} says why a published update is corrected.
 */
public record UpdateEdit(String headline, String introduction, Map<String, String> developments, String correction) {

    /** Longest text of one part, in characters. */
    public static final int MAX_TEXT = 20_000;
    public static final int MAX_CORRECTION = 2_000;

    public UpdateEdit {
        developments = developments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(developments));
    }

    /** One development's new text, as a request names it. */
    public record DevelopmentText(String id, String text) {
    }

    /** Checks every field and names each bad one. */
    public static UpdateEdit parse(String headline, String introduction, List<DevelopmentText> developments,
            String correction) {
        List<Problem> problems = new ArrayList<>();
        text("headline", headline, problems);
        text("introduction", introduction, problems);
        Map<String, String> texts = new LinkedHashMap<>();
        List<DevelopmentText> given = developments == null ? List.of() : developments;
        for (int i = 0; i < given.size(); i++) {
            DevelopmentText development = given.get(i);
            String field = "developments[" + i + "]";
            if (development == null || development.id() == null || development.id().isBlank()) {
                problems.add(new Problem(field + ".id", "required: the id of a development of this update"));
                continue;
            }
            if (development.text() == null) {
                problems.add(new Problem(field + ".text", "required"));
            } else {
                text(field + ".text", development.text(), problems);
            }
            if (texts.put(development.id(), strip(development.text())) != null) {
                problems.add(new Problem(field + ".id", "development " + development.id() + " is given twice"));
            }
        }
        if (correction != null && (correction.isBlank() || correction.length() > MAX_CORRECTION)) {
            problems.add(new Problem("correction", "why the published update is corrected: 1 to " + MAX_CORRECTION
                    + " characters"));
        }
        if (problems.isEmpty() && headline == null && introduction == null && texts.isEmpty()) {
            problems.add(new Problem("body", "nothing to change: give headline, introduction or developments"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(problems);
        }
        return new UpdateEdit(strip(headline), strip(introduction), texts, strip(correction));
    }

    private static void text(String field, String value, List<Problem> problems) {
        if (value != null && (value.isBlank() || value.length() > MAX_TEXT)) {
            problems.add(new Problem(field, "must have 1 to " + MAX_TEXT + " characters"));
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
