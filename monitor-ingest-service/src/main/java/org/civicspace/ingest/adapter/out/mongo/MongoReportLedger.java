package org.civicspace.ingest.adapter.out.mongo;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.civicspace.ingest.application.ReportLedger;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.MongoBulkWriteException;

import reactor.core.publisher.Mono;

/** The ledger of accepted reports: id, submitter and time only, never the report's text. */
@Component
class MongoReportLedger implements ReportLedger {

    private final ReactiveMongoTemplate mongo;

    MongoReportLedger(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Boolean> contains(String reportId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(reportId)), AcceptedReport.class);
    }

    @Override
    public Mono<Set<String>> known(Collection<String> reportIds) {
        if (reportIds.isEmpty()) {
            return Mono.just(Set.of());
        }
        Query ids = Query.query(Criteria.where("_id").in(reportIds));
        ids.fields().include("_id");
        return mongo.find(ids, AcceptedReport.class).map(AcceptedReport::id).collect(Collectors.toSet());
    }

    @Override
    public Mono<Void> record(String reportId, String submittedBy, Instant receivedAt) {
        return mongo.insert(new AcceptedReport(reportId, submittedBy, receivedAt))
                .onErrorResume(DuplicateKeyException.class, alreadyThere -> Mono.empty())
                .then();
    }

    @Override
    public Mono<Void> recordAll(Collection<String> reportIds, String submittedBy, Instant receivedAt) {
        if (reportIds.isEmpty()) {
            return Mono.empty();
        }
        return mongo.bulkOps(BulkMode.UNORDERED, AcceptedReport.class)
                .insert(reportIds.stream().map(id -> new AcceptedReport(id, submittedBy, receivedAt)).toList())
                .execute()
                // unordered: every new id is written even when some were recorded before
                .onErrorResume(MongoReportLedger::onlyDuplicates, alreadyThere -> Mono.empty())
                .then();
    }

    static boolean onlyDuplicates(Throwable failure) {
        if (failure instanceof DuplicateKeyException) {
            return true;
        }
        return failure.getCause() instanceof MongoBulkWriteException bulk
                && bulk.getWriteErrors().stream().allMatch(error -> error.getCode() == 11000);
    }

    @Document("accepted_reports")
    record AcceptedReport(@Id String id, String submittedBy, Instant receivedAt) {
    }
}
