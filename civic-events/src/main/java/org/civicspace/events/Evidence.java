package org.civicspace.events;

/**
 * A span of a report that made a tag: {@code field} is {@code title} or {@code text}, and
 * {@code start} (inclusive) and {@code end} (exclusive) are offsets in that field as
 * {@link String#substring(int, int)} takes them: UTF-16 code units, not code points.
 */
public record Evidence(String field, int start, int end, String words) {
}
