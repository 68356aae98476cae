package org.civicspace.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web UI's files keep to the rules that make it safe under a strict Content-Security-Policy:
 * no way to turn text into markup or code, no inline script, handler or style, and both
 * languages with the same words. The browser tests show it working; this says where it would break.
 */
class WebUiSourcesTest {

    private static final Path STATIC = Path.of("src", "main", "resources", "static");

    @Test
    void noScriptTurnsTextIntoMarkupOrCode() throws IOException {
        Pattern forbidden = Pattern.compile(
                "innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\s*\\(|new Function|setAttribute\\(\\s*'(style|on\\w+)'");
        assertThat(matches("js", forbidden)).isEmpty();
    }

    @Test
    void thePageHasNoInlineScriptHandlerOrStyle() throws IOException {
        Pattern inline = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|\\son\\w+\\s*=|\\sstyle\\s*=|<style", Pattern.CASE_INSENSITIVE);
        assertThat(matches("html", inline)).isEmpty();
        assertThat(Files.readString(STATIC.resolve("index.html"))).contains("script-src 'self'", "style-src 'self'");
    }

    @Test
    void russianHasEveryEnglishKey() throws IOException {
        List<String> english = keys(Files.readString(STATIC.resolve("app/i18n/en.json")));
        List<String> russian = keys(Files.readString(STATIC.resolve("app/i18n/ru.json")));
        assertThat(russian).containsExactlyElementsOf(english);
    }

    /** The file and line of every match of {@code pattern} in the files ending {@code .ext}. */
    private static Map<String, String> matches(String ext, Pattern pattern) throws IOException {
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(STATIC)) {
            for (Path file : files.filter(path -> path.toString().endsWith("." + ext)).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (pattern.matcher(lines.get(i)).find()) {
                        found.put(file + ":" + (i + 1), lines.get(i).strip());
                    }
                }
            }
        }
        return found;
    }

    /** Every key of a JSON object, nested ones as {@code a.b}, in the file's order. */
    private static List<String> keys(String json) {
        List<String> keys = new ArrayList<>();
        collect("", new JsonMapper().readTree(json), keys);
        return keys;
    }

    private static void collect(String prefix, JsonNode node, List<String> keys) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = prefix + field.getKey();
            if (field.getValue().isObject()) {
                collect(key + ".", field.getValue(), keys);
            } else {
                keys.add(key);
            }
        }
    }
}
