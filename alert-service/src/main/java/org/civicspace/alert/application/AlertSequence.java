package org.civicspace.alert.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Puts alert events back in seq order as they come in from the topic. Several instances number
 * alerts from one counter and send them at once, so an event may arrive before one numbered
 * just below it that another instance is still storing or sending. Streams drop what is
 * numbered below what they have already shown (that is how a resumed stream avoids repeats),
 * so an event is held until every lower seq has come, or until it has waited {@code gapWait}:
 * a seq may never come (a redelivered report takes a number it then does not use). An event
 * that comes after its turn was given up goes out at once, to streams that have not passed it.
 * Not thread-safe: {@link LiveAlerts} calls it under its lock.
 */
final class AlertSequence {

    private final Duration gapWait;
    private final TreeMap<Long, StoredAlert> held = new TreeMap<>();
    /** The seq whose turn it is; none before the first event. */
    private long next = -1;
    private Instant gapSince;

    AlertSequence(Duration gapWait) {
        this.gapWait = gapWait;
    }

    /** What may go out now, in order, once this event has come in. */
    List<StoredAlert> arrived(StoredAlert alert, Instant now) {
        if (next < 0) {
            next = alert.seq();
        }
        if (alert.seq() < next) {
            return List.of(alert);
        }
        held.put(alert.seq(), alert);
        return release(now);
    }

    /** What may go out now because a gap has been waited on long enough. */
    List<StoredAlert> tick(Instant now) {
        return release(now);
    }

    /** Every seq up to this one has gone out or been given up ({@link Long#MAX_VALUE} before the first event). */
    long releasedUpTo() {
        return next < 0 ? Long.MAX_VALUE : next - 1;
    }

    private List<StoredAlert> release(Instant now) {
        List<StoredAlert> out = new ArrayList<>();
        while (!held.isEmpty()) {
            if (held.firstKey() == next) {
                out.add(held.pollFirstEntry().getValue());
                next++;
                gapSince = null;
            } else if (gapSince == null) {
                gapSince = now;
            } else if (!now.isBefore(gapSince.plus(gapWait))) {
                next = held.firstKey();
                gapSince = null;
            } else {
                break;
            }
        }
        return out;
    }
}
