package org.civicspace.ingest.adapter.out.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.civicspace.ingest.application.DuplicateIndex;
import org.civicspace.ingest.application.DuplicatesProperties;
import org.civicspace.ingest.domain.dedup.BandIndex;
import org.civicspace.ingest.domain.dedup.KnownReport;
import org.civicspace.ingest.domain.dedup.Signature;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Report signatures in Mongo — hashes only, never text — one document per report in
 * {@value #SIGNATURES}, and the band keys of the latest reports in memory ({@link BandIndex}),
 * read back from the stored signatures when the index is first used. Every store look-up is an
 * equality or {@code $in} on a unique index (the id, or the fingerprints), the one kind of query
 * the embedded Mongo-wire store answers from an index, and remembering a report is one insert.
 * The unique fingerprint index also keeps two copies checked at the same moment from both being
 * remembered as new.
 */
@Component
class MongoDuplicateIndex implements DuplicateIndex {

    static final String SIGNATURES = "report_signatures";
    /** What Reactor's {@code cache} takes for "never expires". */
    private static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

    private final ReactiveMongoTemplate mongo;
    private final BandIndex bands;
    private final Mono<Void> ready;

    MongoDuplicateIndex(ReactiveMongoTemplate mongo, DuplicatesProperties properties, Clock clock) {
        this.mongo = mongo;
        this.bands = new BandIndex(properties.memoryReports());
        this.ready = createIndexes(mongo, properties.retention())
                .then(Mono.defer(() -> readBands(clock.instant().minus(properties.window()), properties.memoryReports())))
                // done once; a failure is tried again by the next call
                .cache(done -> FOREVER, failed -> Duration.ZERO, () -> FOREVER);
    }

    @Override
    public Flux<KnownReport> candidates(String reportId, Signature signature, Instant since) {
        Flux<SignatureDocument> itself = mongo.find(Query.query(where("_id").is(reportId)),
                SignatureDocument.class, SIGNATURES);
        Flux<SignatureDocument> copies = mongo.find(Query.query(where("fingerprints").in(signature.fingerprints())),
                SignatureDocument.class, SIGNATURES);
        return ready.thenMany(Flux.merge(itself, copies, sharingABand(signature, since)))
                .distinct(SignatureDocument::id)
                .map(SignatureDocument::toKnownReport);
    }

    @Override
    public Flux<KnownReport> similar(Signature signature, Instant since) {
        return ready.thenMany(sharingABand(signature, since)).map(SignatureDocument::toKnownReport);
    }

    private Flux<SignatureDocument> sharingABand(Signature signature, Instant since) {
        return Flux.defer(() -> {
            Set<String> ids = bands.sharingABand(signature.bandKeys(), since);
            return ids.isEmpty() ? Flux.empty()
                    : mongo.find(Query.query(where("_id").in(ids)), SignatureDocument.class, SIGNATURES)
                            // filtered here, not in the query, so that the query stays on the id index
                            .filter(known -> !known.firstSeenAt().isBefore(since));
        });
    }

    @Override
    public Mono<Boolean> rememberNew(KnownReport report) {
        return ready.then(mongo.insert(SignatureDocument.of(report), SIGNATURES))
                .doOnNext(inserted -> bands.add(report.reportId(), report.firstSeenAt(), report.signature().bandKeys()))
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, taken -> Mono.just(false));
    }

    @Override
    public Mono<Boolean> remember(KnownReport report) {
        return rememberNew(report)
                // the id taken is a report remembered before (its bands are held already); a fingerprint taken is a copy's
                .flatMap(remembered -> remembered ? Mono.just(true) : mongo.exists(
                        Query.query(where("_id").is(report.reportId())), SignatureDocument.class, SIGNATURES));
    }

    /** The band keys of the latest reports first seen since {@code since}, oldest added first. */
    private Mono<Void> readBands(Instant since, int latest) {
        Query recent = Query.query(where("firstSeenAt").gte(since))
                .with(Sort.by(Sort.Direction.DESC, "firstSeenAt")).limit(latest);
        recent.fields().include("_id", "firstSeenAt", "bandKeys");
        return mongo.find(recent, org.bson.Document.class, SIGNATURES)
                .collectList()
                .doOnNext(newestFirst -> {
                    for (int i = newestFirst.size() - 1; i >= 0; i--) {
                        org.bson.Document stored = newestFirst.get(i);
                        List<Long> keys = stored.getList("bandKeys", Long.class);
                        bands.add(stored.getString("_id"), stored.getDate("firstSeenAt").toInstant(),
                                keys == null ? List.of() : keys);
                    }
                })
                .then();
    }

    private static Mono<Void> createIndexes(ReactiveMongoTemplate mongo, Duration retention) {
        // a TTL index; changing the retention means dropping it first (MongoDB refuses to
        // redefine an index under the same name). The embedded store ignores TTL.
        return Flux.concat(
                        mongo.indexOps(SIGNATURES).createIndex(new Index().on("fingerprints", Sort.Direction.ASC)
                                .unique().named("fingerprints_unique")),
                        mongo.indexOps(SIGNATURES).createIndex(new Index().on("firstSeenAt", Sort.Direction.ASC)
                                .expire(retention).named("firstSeenAt_retention")))
                .then();
    }

    @Document(SIGNATURES)
    record SignatureDocument(@Id String id, Instant firstSeenAt, String duplicateOf, String scheme,
            List<String> fingerprints, List<Integer> signature, List<Long> bandKeys) {

        static SignatureDocument of(KnownReport report) {
            Signature signature = report.signature();
            return new SignatureDocument(report.reportId(), report.firstSeenAt(), report.duplicateOf(),
                    signature.scheme(), signature.fingerprints(), signature.minHash(), signature.bandKeys());
        }

        KnownReport toKnownReport() {
            return new KnownReport(id, firstSeenAt, new Signature(scheme, fingerprints,
                    signature == null ? List.of() : signature, bandKeys == null ? List.of() : bandKeys), duplicateOf);
        }
    }
}
