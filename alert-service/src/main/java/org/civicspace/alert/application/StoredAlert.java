package org.civicspace.alert.application;

import org.civicspace.alert.domain.Alert;

/**
 * An alert as stored: {@code seq} numbers alert events in the order they happened (it is the SSE
 * event id; a meaningful update takes a new one), {@code published} says whether
 * {@code AlertRaised} has gone out for the current revision, {@code notifiedRevision} the last
 * revision whose e-mail or webhook delivery was decided, and {@code digest} is {@code pending}
 * while the alert waits for the daily digest, then the digest's day ({@code 2026-11-21}).
 */
public record StoredAlert(long seq, Alert alert, boolean published, int notifiedRevision, String digest) {

    /** The digest marker of an alert that waits for the next daily digest. */
    public static final String DIGEST_PENDING = "pending";

    public StoredAlert(long seq, Alert alert, boolean published) {
        this(seq, alert, published, 0, null);
    }

    public boolean waitsForDigest() {
        return DIGEST_PENDING.equals(digest);
    }
}
