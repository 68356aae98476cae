package org.civicspace.ingest.domain.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How polling a feed has gone, in words an administrator can act on: when it was last tried and
 * last worked, the last HTTP status, how many attempts in a row failed and why the last one did,
 * how many items it has brought, when it will be polled next, and what had to be repaired or
 * guessed when it was last read ({@code warnings}: the parser's words, never an item's text).
 */
public record FeedHealth(Instant lastAttempt, Instant lastSuccess, Integer lastStatus, int consecutiveFailures,
        String lastError, long itemsSeen, Instant nextPollAt, String etag, String lastModified, List<String> warnings) {

    public static final FeedHealth NEVER_POLLED = waitingFor(null);

    public FeedHealth {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A feed not polled yet, whose first poll is due {@code firstPoll}. */
    public static FeedHealth waitingFor(Instant firstPoll) {
        return new FeedHealth(null, null, null, 0, null, 0, firstPoll, null, null, List.of());
    }

    /** A failing feed waits twice as long after each failure, up to a day, so it costs little while it is down. */
    static final Duration LONGEST_BACK_OFF = Duration.ofDays(1);

    /**
     * After a feed was read: {@code newItems} more seen, the validators for the next conditional
     * GET, and what the parser had to repair or guess this time.
     */
    public FeedHealth succeeded(Instant at, int status, int newItems, String newEtag, String newLastModified,
            List<String> parseWarnings, Instant next) {
        return new FeedHealth(at, at, status, 0, null, itemsSeen + newItems, next, newEtag, newLastModified,
                parseWarnings);
    }

    /** After a 304: nothing changed, so the last body's validators and warnings still stand. */
    public FeedHealth notModified(Instant at, Instant next) {
        return new FeedHealth(at, at, 304, 0, null, itemsSeen, next, etag, lastModified, warnings);
    }

    /** After a poll that failed or was refused, with the reason in plain words. */
    public FeedHealth failed(Instant at, Integer status, String reason, Instant next) {
        return new FeedHealth(at, lastSuccess, status, consecutiveFailures + 1, reason, itemsSeen, next, etag,
                lastModified, warnings);
    }

    /** When to poll next: the interval, doubled for each failure in a row (up to a day), give or take {@code jitter}. */
    public static Instant nextPoll(Instant from, Duration interval, int failuresInARow, double jitter) {
        Duration wait = interval;
        for (int i = 0; i < failuresInARow && wait.compareTo(LONGEST_BACK_OFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        if (wait.compareTo(LONGEST_BACK_OFF) > 0) {
            wait = LONGEST_BACK_OFF;
        }
        // jitter in [-0.1, 0.1] of the wait spreads feeds registered together over time
        long spread = (long) (wait.toMillis() * 0.1 * jitter);
        return from.plus(wait).plusMillis(spread);
    }
}
