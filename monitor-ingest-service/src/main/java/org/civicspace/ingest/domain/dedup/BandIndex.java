package org.civicspace.ingest.domain.dedup;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The LSH band keys of the latest reports, in memory, so that finding the reports a new one may
 * retell costs no store look-up and remembering it no write per band. It holds the latest
 * {@code capacity} reports and forgets the oldest as new ones come in; its arrays are allocated
 * once, so its memory is fixed: about 400 bytes a report (32 band entries of a 4-byte folded key,
 * a 4-byte link and 1 to 2 bytes of bucket table, plus the report's id and time).
 *
 * <p>Band keys are folded to 32 bits: two different keys that fold alike only make an extra
 * candidate, which the similarity of whole signatures then turns away. Each bucket is a chain
 * from its newest entry to older ones; an entry whose report has been forgotten is recognised by
 * its slot now holding a newer report, and the walk stops there. Thread-safe.
 */
public final class BandIndex {

    private static final int NONE = -1;

    private final int capacity;
    private final int[] keys;
    private final int[] older;
    private final int[] newest;
    private final int mask;
    private final long[] sequenceOf;
    private final String[] reportOf;
    private final long[] firstSeenOf;
    private long added;

    /** @param capacity how many of the latest reports it holds */
    public BandIndex(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        int entries = Math.multiplyExact(capacity, MinHash.BANDS);
        this.keys = new int[entries];
        this.older = new int[entries];
        // half as many buckets as entries: chains of two on average, a third less memory than one each
        int buckets = Math.max(1, Integer.highestOneBit(entries) / 2);
        this.newest = new int[buckets];
        Arrays.fill(newest, NONE);
        this.mask = buckets - 1;
        this.sequenceOf = new long[capacity];
        Arrays.fill(sequenceOf, NONE);
        this.reportOf = new String[capacity];
        this.firstSeenOf = new long[capacity];
    }

    /** Holds a report's band keys; a report without band keys (too short to compare) is not held. */
    public synchronized void add(String reportId, Instant firstSeenAt, List<Long> bandKeys) {
        if (bandKeys.isEmpty()) {
            return;
        }
        if (bandKeys.size() != MinHash.BANDS) {
            throw new IllegalArgumentException("a signature has " + MinHash.BANDS + " band keys, not " + bandKeys.size());
        }
        int slot = (int) (added % capacity);
        sequenceOf[slot] = added++;
        reportOf[slot] = reportId;
        firstSeenOf[slot] = firstSeenAt.toEpochMilli();
        for (int band = 0; band < MinHash.BANDS; band++) {
            int entry = slot * MinHash.BANDS + band;
            int key = fold(bandKeys.get(band));
            keys[entry] = key;
            older[entry] = newest[key & mask];
            newest[key & mask] = entry;
        }
    }

    /** The reports held, first seen at or after {@code since}, that share at least one of these band keys. */
    public synchronized Set<String> sharingABand(List<Long> bandKeys, Instant since) {
        Set<String> found = new LinkedHashSet<>();
        long sinceMillis = since.toEpochMilli();
        for (Long bandKey : bandKeys) {
            int key = fold(bandKey);
            int bucket = key & mask;
            long previous = Long.MAX_VALUE;
            for (int entry = newest[bucket]; entry != NONE; entry = older[entry]) {
                int slot = entry / MinHash.BANDS;
                long sequence = sequenceOf[slot];
                // a chain runs from newer to older reports: a newer one here means this entry was
                // overwritten (its report forgotten), and so was everything past it
                if (sequence > previous || (keys[entry] & mask) != bucket) {
                    break;
                }
                previous = sequence;
                if (keys[entry] == key && firstSeenOf[slot] >= sinceMillis) {
                    found.add(reportOf[slot]);
                }
            }
        }
        return found;
    }

    /** How many reports it holds now. */
    public synchronized int size() {
        return (int) Math.min(added, capacity);
    }

    private static int fold(long key) {
        return (int) (key ^ (key >>> 32));
    }
}
