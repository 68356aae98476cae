package org.civicspace.ingest.application;

import java.time.Instant;

import org.civicspace.ingest.domain.dedup.KnownReport;
import org.civicspace.ingest.domain.dedup.Signature;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Remembers the signatures of reports seen, and finds those a new report may repeat. */
public interface DuplicateIndex {

    /**
     * The reports this one may repeat: those sharing one of its fingerprints, those first seen
     * at or after {@code since} sharing one of its band keys, and the report itself if it was
     * remembered before.
     */
    Flux<KnownReport> candidates(String reportId, Signature signature, Instant since);

    /**
     * Only the reports first seen at or after {@code since} that share one of its band keys: what
     * a report never seen before, whose fingerprints no other report holds, may retell. Costs no
     * store look-up when no band is shared.
     */
    Flux<KnownReport> similar(Signature signature, Instant since);

    /**
     * Remembers a report if neither its id nor any of its fingerprints is held yet: true when it
     * was remembered now, false when something was in the way (the report itself, or a copy).
     */
    Mono<Boolean> rememberNew(KnownReport report);

    /**
     * Remembers a report. Completes with true once it is remembered, also when it already was
     * under this id; with false when another report already holds one of its fingerprints —
     * a copy that was checked at the same moment.
     */
    Mono<Boolean> remember(KnownReport report);
}
