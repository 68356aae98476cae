package org.civicspace.ingest.application;

import java.time.Instant;
import java.util.Locale;

import org.civicspace.ingest.domain.dedup.KnownReport;
import org.civicspace.ingest.domain.dedup.NearDuplicates;
import org.civicspace.ingest.domain.dedup.Signature;
import org.civicspace.ingest.domain.dedup.Verdict;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Tells whether an incoming report is new, an exact copy to drop, or a near-duplicate to mark
 * {@code duplicateOf} the first report of its story, and remembers every report it keeps.
 */
@Service
public class DuplicateCheck {

    private final DuplicateIndex index;
    private final NearDuplicates duplicates;
    private final DuplicatesProperties properties;
    private final MeterRegistry meters;

    public DuplicateCheck(DuplicateIndex index, DuplicatesProperties properties, MeterRegistry meters) {
        this.index = index;
        this.duplicates = new NearDuplicates(properties.nearThreshold());
        this.properties = properties;
        this.meters = meters;
    }

    /** Checks a report by its title and text, first seen {@code at}. */
    public Mono<Verdict> check(String reportId, String title, String text, Instant at) {
        return check(reportId, title, text, null, at);
    }

    /**
     * Checks a report by its title, text and, where it identifies the item itself (a feed item's
     * link, never a source a partner cites), its already normalised URL; null when there is none.
     * Checking the same report id again gives the same verdict.
     */
    public Mono<Verdict> check(String reportId, String title, String text, String normalisedItemUrl, Instant at) {
        // signing is CPU work of about 0.1 ms for a 2 KB text, a few ms at the 100 KB limit: not worth a thread hop
        return Mono.fromCallable(() -> duplicates.sign(title, text, normalisedItemUrl))
                .flatMap(signature -> judge(reportId, signature, at, true))
                .doOnNext(verdict -> meters.counter("civicspace.ingest.duplicates.checked",
                        "verdict", verdict.kind().name().toLowerCase(Locale.ROOT)).increment());
    }

    private Mono<Verdict> judge(String reportId, Signature signature, Instant at, boolean mayLookAgain) {
        return index.candidates(reportId, signature, at.minus(properties.window()))
                .collectList()
                .map(candidates -> duplicates.judge(reportId, signature, candidates))
                .flatMap(verdict -> verdict.kind() == Verdict.Kind.EXACT_DUPLICATE ? Mono.just(verdict)
                        : index.remember(new KnownReport(reportId, at, signature, verdict.duplicateOf()))
                                // refused: an exact copy was remembered between our look and our write,
                                // and a second look will find it
                                .flatMap(remembered -> remembered || !mayLookAgain ? Mono.just(verdict)
                                        : judge(reportId, signature, at, false)));
    }
}
