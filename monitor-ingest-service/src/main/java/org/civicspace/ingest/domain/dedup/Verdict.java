package org.civicspace.ingest.domain.dedup;

import java.util.Objects;

/**
 * Whether a report is new, a copy to drop, or another telling of a story already seen.
 *
 * @param duplicateOf the report it duplicates; null when it is new
 */
public record Verdict(Kind kind, String duplicateOf) {

    /** A report unlike any seen within the window. */
    public static final Verdict NEW = new Verdict(Kind.NEW, null);

    public Verdict {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.NEW) != (duplicateOf == null)) {
            throw new IllegalArgumentException("a duplicate names what it duplicates, and only a duplicate does");
        }
    }

    /** The same content, or the same item by its URL: to be dropped. */
    public static Verdict exactDuplicateOf(String reportId) {
        return new Verdict(Kind.EXACT_DUPLICATE, reportId);
    }

    /** The same story, retold: kept, and marked {@code duplicateOf} the story's first report. */
    public static Verdict nearDuplicateOf(String reportId) {
        return new Verdict(Kind.NEAR_DUPLICATE, reportId);
    }

    /** The three outcomes. */
    public enum Kind {
        NEW, EXACT_DUPLICATE, NEAR_DUPLICATE
    }
}
