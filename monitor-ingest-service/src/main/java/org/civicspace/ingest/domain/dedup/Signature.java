package org.civicspace.ingest.domain.dedup;

import java.util.List;
import java.util.Objects;

/**
 * What the duplicate check keeps of a report: hashes only, never its text.
 *
 * @param scheme       the {@code MinHash} scheme that made {@code minHash} and {@code bandKeys}
 * @param fingerprints exact fingerprints: the normalised content's, and the item's URL's when it has one
 * @param minHash      the MinHash signature; empty for a text too short to compare by similarity
 * @param bandKeys     the LSH band keys of {@code minHash}; empty when it is
 */
public record Signature(String scheme, List<String> fingerprints, List<Integer> minHash, List<Long> bandKeys) {

    public Signature {
        Objects.requireNonNull(scheme, "scheme");
        fingerprints = List.copyOf(fingerprints);
        minHash = List.copyOf(minHash);
        bandKeys = List.copyOf(bandKeys);
    }

    /** Whether this report can be a near-duplicate at all, rather than only an exact one. */
    public boolean comparable() {
        return !minHash.isEmpty();
    }
}
