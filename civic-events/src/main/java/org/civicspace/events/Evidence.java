package org.civicspace.events;

/**
 * A span of a report that made a tag: {@code field} is {@code title} or {@code text}, and
 * {@code start} (inclusive) and {@code end} (exclusive) are character offsets in that field.
 */
public record Evidence(String field, int start, int end, String words) {
}
