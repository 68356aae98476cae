package org.civicspace.ingest.application;

import java.time.Instant;
import java.util.Locale;

import org.civicspace.events.Sensitivity;
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
        return check(reportId, title, text, normalisedItemUrl, null, at);
    }

    /**
     * Checks a partner's report against the reports of its own sensitivity only: a public report
     * is compared with feed items and other public reports, a restricted one with restricted ones,
     * a confidential one with confidential ones. So a report is never marked a duplicate of one its
     * readers may not see, and a confidential report is never named as the first telling of a story
     * anyone else reads.
     */
    public Mono<Verdict> checkPartnerReport(String reportId, String title, String text, Sensitivity sensitivity,
            Instant at) {
        return check(reportId, title, text, null,
                sensitivity == Sensitivity.PUBLIC ? null : sensitivity.name().toLowerCase(Locale.ROOT), at);
    }

    private Mono<Verdict> check(String reportId, String title, String text, String normalisedItemUrl, String scope,
            Instant at) {
        // signing is CPU work of about 0.1 ms for a 2 KB text, a few ms at the 100 KB limit: not worth a thread hop
        return Mono.fromCallable(() -> duplicates.sign(title, text, normalisedItemUrl, scope))
                .flatMap(signature -> judge(reportId, signature, at))
                .doOnNext(verdict -> meters.counter("civicspace.ingest.duplicates.checked",
                        "verdict", verdict.kind().name().toLowerCase(Locale.ROOT)).increment());
    }

    /**
     * Most reports are new: judged against the reports sharing a band with them (usually none, and
     * then no look-up at all) and remembered with one insert. Only when the insert finds its id or
     * a fingerprint taken — the report seen before, or an exact copy — is it judged again against
     * every candidate.
     */
    private Mono<Verdict> judge(String reportId, Signature signature, Instant at) {
        Instant since = at.minus(properties.window());
        return index.similar(signature, since)
                .collectList()
                .map(similar -> duplicates.judge(reportId, signature, similar))
                .flatMap(verdict -> verdict.kind() == Verdict.Kind.EXACT_DUPLICATE ? Mono.just(verdict)
                        : index.rememberNew(new KnownReport(reportId, at, signature, verdict.duplicateOf()))
                                .flatMap(remembered -> remembered ? Mono.just(verdict)
                                        : judgeAgainstAll(reportId, signature, at, true)));
    }

    private Mono<Verdict> judgeAgainstAll(String reportId, Signature signature, Instant at, boolean mayLookAgain) {
        return index.candidates(reportId, signature, at.minus(properties.window()))
                .collectList()
                .map(candidates -> duplicates.judge(reportId, signature, candidates))
                .flatMap(verdict -> verdict.kind() == Verdict.Kind.EXACT_DUPLICATE ? Mono.just(verdict)
                        : index.remember(new KnownReport(reportId, at, signature, verdict.duplicateOf()))
                                // refused: an exact copy was remembered between our look and our write,
                                // and a second look will find it
                                .flatMap(remembered -> remembered || !mayLookAgain ? Mono.just(verdict)
                                        : judgeAgainstAll(reportId, signature, at, false)));
    }
}
