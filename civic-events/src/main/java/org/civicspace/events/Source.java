package org.civicspace.events;

/** Who brought a report in: a partner (by user name) or a registered feed (by feed id). */
public record Source(SourceKind kind, String submittedBy, String feedId) {

    /** A report a partner submitted. */
    public static Source partner(String submittedBy) {
        return new Source(SourceKind.PARTNER, submittedBy, null);
    }

    /** An item of a registered feed. */
    public static Source feed(String feedId) {
        return new Source(SourceKind.FEED, null, feedId);
    }
}
