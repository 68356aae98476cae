package org.civicspace.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;

/** Reading YAML into plain maps and lists, and walking them. */
final class Yaml {

    private Yaml() {
    }

    private static org.yaml.snakeyaml.Yaml loader() {
        LoaderOptions options = new LoaderOptions();
        // a rendered overlay is a few hundred kilobytes; the default limit is 3 MB
        options.setCodePointLimit(16 * 1024 * 1024);
        return new org.yaml.snakeyaml.Yaml(options);
    }

    /** Every document of a multi-document stream that is a mapping; empty documents are left out. */
    static List<Map<String, Object>> documents(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : loader().loadAll(text)) {
            if (document instanceof Map<?, ?> map) {
                documents.add(cast(map));
            }
        }
        return documents;
    }

    static Map<String, Object> document(String text) {
        List<Map<String, Object>> documents = documents(text);
        if (documents.size() != 1) {
            throw new IllegalArgumentException("expected one YAML document, found " + documents.size());
        }
        return documents.get(0);
    }

    /** The mapping at a dotted path of plain keys, or an empty map where there is none. */
    static Map<String, Object> map(Object node, String path) {
        Object found = at(node, path);
        return found instanceof Map<?, ?> map ? cast(map) : Map.of();
    }

    /** The sequence at a dotted path of plain keys, or an empty list where there is none. */
    static List<Object> list(Object node, String path) {
        Object found = at(node, path);
        if (found instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        return List.of();
    }

    /** The scalar at a dotted path, as text, or null. */
    static String string(Object node, String path) {
        Object found = at(node, path);
        return found == null || found instanceof Map || found instanceof List ? null : String.valueOf(found);
    }

    static Object at(Object node, String path) {
        Object current = node;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
