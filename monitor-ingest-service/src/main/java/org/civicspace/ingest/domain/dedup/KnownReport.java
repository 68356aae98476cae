package org.civicspace.ingest.domain.dedup;

import java.time.Instant;
import java.util.Objects;

/**
 * A report the duplicate check has already seen.
 *
 * @param duplicateOf the first report of its story when it was itself a near-duplicate, else null
 */
public record KnownReport(String reportId, Instant firstSeenAt, Signature signature, String duplicateOf) {

    public KnownReport {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(firstSeenAt, "firstSeenAt");
        Objects.requireNonNull(signature, "signature");
    }

    /** The first report of this report's story: the one a near-duplicate of it is marked a duplicate of. */
    public String story() {
        return duplicateOf == null ? reportId : duplicateOf;
    }
}
