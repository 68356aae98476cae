package org.civicspace.classification.evaluation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.civicspace.events.Freedom;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;

import tools.jackson.databind.JsonNode;

/** One hand-labelled item of a gold file: the text and the labels a careful reader gave it. */
public record GoldItem(String id, String language, String title, String text, String country,
        List<String> otherCountries, Set<Freedom> freedoms, Set<ViolationType> violationTypes, Urgency urgency) {

    /** What gold files write for "no violation at all": the empty set, not a label. */
    static final String NO_VIOLATION = "none";

    /** Reads one line's object; an {@link IllegalArgumentException} names the field that is wrong. */
    static GoldItem of(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String country = required(node, "country").toUpperCase(Locale.ROOT);
        return new GoldItem(
                required(node, "id"),
                required(node, "language").toLowerCase(Locale.ROOT),
                optional(node, "title"),
                optional(node, "text"),
                country,
                list(node, "other_countries", code -> code.toUpperCase(Locale.ROOT)),
                withType(list(node, "freedoms", Freedom::fromWire), Freedom.class),
                violations(list(node, "violation_types", Function.identity())),
                Urgency.fromWire(required(node, "urgency")));
    }

    private static Set<ViolationType> violations(List<String> names) {
        Set<ViolationType> violations = EnumSet.noneOf(ViolationType.class);
        for (String name : names) {
            if (!name.equals(NO_VIOLATION)) {
                violations.add(ViolationType.fromWire(name));
            }
        }
        return violations;
    }

    // EnumSet.copyOf refuses an empty plain collection: it cannot tell the enum type from it.
    private static <E extends Enum<E>> Set<E> withType(List<E> values, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        set.addAll(values);
        return set;
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is missing or not a string");
        }
        return value.stringValue().strip();
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    private static <T> List<T> list(JsonNode node, String field, Function<String, T> parse) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException("'" + field + "' is not a list");
        }
        List<T> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isString()) {
                throw new IllegalArgumentException("'" + field + "' holds something other than strings");
            }
            items.add(parse.apply(item.stringValue().strip()));
        }
        return items;
    }
}
