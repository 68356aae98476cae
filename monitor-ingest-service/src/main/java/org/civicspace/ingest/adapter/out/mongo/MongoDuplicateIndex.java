package org.civicspace.ingest.adapter.out.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.civicspace.ingest.application.DuplicateIndex;
import org.civicspace.ingest.application.DuplicatesProperties;
import org.civicspace.ingest.domain.dedup.KnownReport;
import org.civicspace.ingest.domain.dedup.Signature;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.ReactiveIndexOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Report signatures in Mongo, one document per report: hashes only, never text. Band keys are
 * a multikey index; fingerprints a unique one, so that two copies checked at the same moment
 * cannot both be remembered as new. Uses nothing the embedded Mongo-wire store lacks.
 */
@Component
class MongoDuplicateIndex implements DuplicateIndex {

    static final String COLLECTION = "report_signatures";
    /** A band key shared by more reports than this is boilerplate, not a story; bounds one check's memory. */
    static final int MAX_CANDIDATES = 500;
    /** What Reactor's {@code cache} takes for "never expires". */
    private static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

    private final ReactiveMongoTemplate mongo;
    private final Mono<Void> indexes;

    MongoDuplicateIndex(ReactiveMongoTemplate mongo, DuplicatesProperties properties) {
        this.mongo = mongo;
        this.indexes = createIndexes(mongo.indexOps(COLLECTION), properties.retention())
                // once created they stay; a failure is tried again by the next call
                .cache(done -> FOREVER, failed -> Duration.ZERO, () -> FOREVER);
    }

    @Override
    public Flux<KnownReport> candidates(String reportId, Signature signature, Instant since) {
        List<Criteria> any = new ArrayList<>(3);
        any.add(where("_id").is(reportId));
        any.add(where("fingerprints").in(signature.fingerprints()));
        if (!signature.bandKeys().isEmpty()) {
            any.add(where("bandKeys").in(signature.bandKeys()).and("firstSeenAt").gte(since));
        }
        Query query = Query.query(new Criteria().orOperator(any))
                .with(Sort.by("firstSeenAt"))
                .limit(MAX_CANDIDATES);
        return indexes.thenMany(mongo.find(query, SignatureDocument.class, COLLECTION))
                .map(SignatureDocument::toKnownReport);
    }

    @Override
    public Mono<Boolean> remember(KnownReport report) {
        return indexes.then(mongo.insert(SignatureDocument.of(report), COLLECTION))
                .thenReturn(true)
                // the id taken is a report remembered before; a fingerprint taken is a copy's
                .onErrorResume(DuplicateKeyException.class, taken -> mongo.exists(
                        Query.query(where("_id").is(report.reportId())), SignatureDocument.class, COLLECTION));
    }

    private static Mono<Void> createIndexes(ReactiveIndexOperations indexOps, Duration retention) {
        return Flux.concat(
                        indexOps.createIndex(new Index().on("bandKeys", Sort.Direction.ASC)
                                .on("firstSeenAt", Sort.Direction.ASC).named("bandKeys_firstSeenAt")),
                        indexOps.createIndex(new Index().on("fingerprints", Sort.Direction.ASC).unique()
                                .named("fingerprints_unique")),
                        // a TTL index; changing the retention means dropping it first (real MongoDB
                        // refuses to redefine an index under the same name)
                        indexOps.createIndex(new Index().on("firstSeenAt", Sort.Direction.ASC).expire(retention)
                                .named("firstSeenAt_retention")))
                .then();
    }

    @Document(COLLECTION)
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
