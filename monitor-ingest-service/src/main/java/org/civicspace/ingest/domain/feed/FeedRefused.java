package org.civicspace.ingest.domain.feed;

/** A feed we will not read, with the reason in plain words (shown to admins as the feed's last error). */
public final class FeedRefused extends Exception {

    private static final long serialVersionUID = 1L;

    public FeedRefused(String reason) {
        super(reason, null, false, false);
    }

    public FeedRefused(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }

    /** Why the feed was refused, e.g. "the feed declares a DOCTYPE, which we never process". */
    public String reason() {
        return getMessage();
    }
}
