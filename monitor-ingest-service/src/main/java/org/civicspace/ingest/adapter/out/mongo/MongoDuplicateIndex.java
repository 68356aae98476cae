package org.civicspace.ingest.adapter.out.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.civicspace.ingest.application.DuplicateIndex;
import org.civicspace.ingest.application.DuplicatesProperties;
import org.civicspace.ingest.domain.dedup.KnownReport;
import org.civicspace.ingest.domain.dedup.Signature;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Report signatures in Mongo — hashes only, never text — in two collections: one document per
 * report ({@value #SIGNATURES}), and one per LSH band key listing the reports that have it
 * ({@value #BANDS}). Every lookup is an equality or {@code $in} on a unique index (the id, or
 * the fingerprints), the one kind of query the embedded Mongo-wire store answers from an index;
 * there a multikey {@code bandKeys $in} query scans every document, over a second a check at
 * 20,000 reports. The unique fingerprint index also keeps two copies checked at the same moment
 * from both being remembered as new.
 */
@Component
class MongoDuplicateIndex implements DuplicateIndex {

    static final String SIGNATURES = "report_signatures";
    static final String BANDS = "report_bands";
    /**
     * The most reports one band key lists, the latest kept: a key shared by more reports within
     * the retention is boilerplate rather than a story, and a document must stay small.
     */
    static final int MAX_REPORTS_PER_BAND = 100;
    /** What Reactor's {@code cache} takes for "never expires". */
    private static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

    private final ReactiveMongoTemplate mongo;
    private final Mono<Void> indexes;

    MongoDuplicateIndex(ReactiveMongoTemplate mongo, DuplicatesProperties properties) {
        this.mongo = mongo;
        this.indexes = createIndexes(mongo, properties.retention())
                // once created they stay; a failure is tried again by the next call
                .cache(done -> FOREVER, failed -> Duration.ZERO, () -> FOREVER);
    }

    @Override
    public Flux<KnownReport> candidates(String reportId, Signature signature, Instant since) {
        Flux<SignatureDocument> itself = mongo.find(Query.query(where("_id").is(reportId)),
                SignatureDocument.class, SIGNATURES);
        Flux<SignatureDocument> copies = mongo.find(Query.query(where("fingerprints").in(signature.fingerprints())),
                SignatureDocument.class, SIGNATURES);
        Flux<SignatureDocument> similar = signature.bandKeys().isEmpty() ? Flux.empty()
                : mongo.find(Query.query(where("_id").in(signature.bandKeys())), BandDocument.class, BANDS)
                        .flatMapIterable(BandDocument::reports)
                        .distinct()
                        .collectList()
                        .filter(ids -> !ids.isEmpty())
                        .flatMapMany(ids -> mongo.find(Query.query(where("_id").in(ids)), SignatureDocument.class, SIGNATURES))
                        // filtered here, not in the query, so that the query stays on the id index
                        .filter(known -> !known.firstSeenAt().isBefore(since));
        return indexes.thenMany(Flux.merge(itself, copies, similar))
                .distinct(SignatureDocument::id)
                .map(SignatureDocument::toKnownReport);
    }

    @Override
    public Mono<Boolean> remember(KnownReport report) {
        return indexes.then(mongo.insert(SignatureDocument.of(report), SIGNATURES))
                .thenReturn(true)
                // the id taken is a report remembered before; a fingerprint taken is a copy's
                .onErrorResume(DuplicateKeyException.class, taken -> mongo.exists(
                        Query.query(where("_id").is(report.reportId())), SignatureDocument.class, SIGNATURES))
                // written again when remembered before, so that a crash between the two writes heals
                .flatMap(remembered -> remembered ? addToBands(report).thenReturn(true) : Mono.just(false));
    }

    private Mono<Void> addToBands(KnownReport report) {
        List<Long> bandKeys = report.signature().bandKeys();
        if (bandKeys.isEmpty()) {
            return Mono.empty();
        }
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, BandDocument.class, BANDS);
        for (Long key : bandKeys) {
            bulk.upsert(Query.query(where("_id").is(key)), new Update()
                    .push("reports").slice(-MAX_REPORTS_PER_BAND).each(report.reportId())
                    .max("lastSeenAt", report.firstSeenAt()));
        }
        return bulk.execute().then();
    }

    private static Mono<Void> createIndexes(ReactiveMongoTemplate mongo, Duration retention) {
        // TTL indexes; changing the retention means dropping them first (MongoDB refuses to
        // redefine an index under the same name). The embedded store ignores TTL.
        return Flux.concat(
                        mongo.indexOps(SIGNATURES).createIndex(new Index().on("fingerprints", Sort.Direction.ASC)
                                .unique().named("fingerprints_unique")),
                        mongo.indexOps(SIGNATURES).createIndex(new Index().on("firstSeenAt", Sort.Direction.ASC)
                                .expire(retention).named("firstSeenAt_retention")),
                        mongo.indexOps(BANDS).createIndex(new Index().on("lastSeenAt", Sort.Direction.ASC)
                                .expire(retention).named("lastSeenAt_retention")))
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

    /** The reports, latest last, whose signatures agree on one whole band. */
    @Document(BANDS)
    record BandDocument(@Id Long id, List<String> reports, Instant lastSeenAt) {
    }
}
