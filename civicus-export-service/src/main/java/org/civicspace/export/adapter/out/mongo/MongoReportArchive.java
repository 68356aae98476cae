package org.civicspace.export.adapter.out.mongo;

import java.time.Instant;
import java.util.Collection;

import org.civicspace.events.Classification;
import org.civicspace.events.Report;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Source;
import org.civicspace.export.application.ReportArchive;
import org.civicspace.export.domain.ArchivedReport;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.result.UpdateResult;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code archived_reports} collection, one document per report with {@code _id} = report id.
 * Stored by one upsert rather than read-then-write, so two deliveries racing cannot make two.
 */
@Component
class MongoReportArchive implements ReportArchive {

    private final ReactiveMongoTemplate mongo;

    MongoReportArchive(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Stored> store(ArchivedReport report) {
        Update update = new Update()
                .set("sensitivity", report.sensitivity())
                .set("source", report.source())
                .set("report", report.report())
                .set("classification", report.classification())
                .set("duplicateOf", report.duplicateOf())
                // the first archiving time survives redeliveries and later classifications
                .setOnInsert("archivedAt", report.archivedAt());
        return mongo.upsert(byId(report.id()), update, ArchivedReportDocument.class)
                .map(MongoReportArchive::stored);
    }

    @Override
    public Mono<ArchivedReport> find(String reportId) {
        return mongo.findOne(byId(reportId), ArchivedReportDocument.class).map(ArchivedReportDocument::toDomain);
    }

    @Override
    public Flux<ArchivedReport> findAll(Collection<String> reportIds) {
        if (reportIds.isEmpty()) {
            return Flux.empty();
        }
        // a query on _id alone: the embedded store answers it from its id index, not by a scan
        return mongo.find(Query.query(Criteria.where("_id").in(reportIds)), ArchivedReportDocument.class)
                .map(ArchivedReportDocument::toDomain);
    }

    @Override
    public Flux<String> ids() {
        Query idsOnly = new Query();
        idsOnly.fields().include("_id");
        return mongo.find(idsOnly, org.bson.Document.class, "archived_reports").map(id -> id.getString("_id"));
    }

    private static Query byId(String reportId) {
        return Query.query(Criteria.where("_id").is(reportId));
    }

    private static Stored stored(UpdateResult result) {
        if (result.getUpsertedId() != null) {
            return Stored.NEW;
        }
        return result.getModifiedCount() > 0 ? Stored.CHANGED : Stored.UNCHANGED;
    }

    @Document("archived_reports")
    record ArchivedReportDocument(@Id String id, Sensitivity sensitivity, Source source, Report report,
            Classification classification, String duplicateOf, Instant archivedAt) {

        ArchivedReport toDomain() {
            return new ArchivedReport(id, sensitivity, source, report, classification, duplicateOf, archivedAt);
        }
    }
}
