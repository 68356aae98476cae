package org.civicspace.alert.adapter.out.mongo;

import static org.civicspace.alert.adapter.out.mongo.MongoSubscriptionStore.wireNames;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.civicspace.alert.application.AlertStore;
import org.civicspace.alert.application.StoredAlert;
import org.civicspace.alert.domain.Alert;
import org.civicspace.alert.domain.incident.IncidentStatus;
import org.civicspace.events.Freedom;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.ReactiveIndexOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Alerts in the {@code alerts} collection, their {@code _id} being {@code incidentId:subscriptionId}
 * so that the database itself refuses a second alert for the same incident and subscription.
 * Sequence numbers come from one counter document in {@code counters}, advanced atomically; a
 * new revision takes a new one. The digest queries scan (the embedded store ignores secondary
 * indexes), which a daily job can afford.
 */
@Component
class MongoAlertStore implements AlertStore {

    private static final Logger log = LoggerFactory.getLogger(MongoAlertStore.class);
    private static final String ALERT_SEQUENCE = "alert-seq";

    private final ReactiveMongoTemplate mongo;

    MongoAlertStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        ReactiveIndexOperations indexes = mongo.indexOps(AlertDocument.class);
        Flux.merge(indexes.createIndex(new Index("seq", Sort.Direction.ASC).unique()),
                        indexes.createIndex(new Index("subscriber", Sort.Direction.ASC)
                                .on("country", Sort.Direction.ASC).on("seq", Sort.Direction.ASC)))
                .subscribe(name -> { }, failed -> log.warn("could not index alerts: {}", failed.toString()));
    }

    @Override
    public Mono<StoredAlert> insertNew(Alert alert) {
        // a redelivered report takes a number it then does not use: gaps in seq are harmless
        return nextSeq()
                .flatMap(seq -> mongo.insert(AlertDocument.of(alert, seq)))
                .map(AlertDocument::toStored)
                .onErrorResume(DuplicateKeyException.class, alreadyStored -> Mono.empty());
    }

    @Override
    public Mono<StoredAlert> find(String alertId) {
        return mongo.findById(alertId, AlertDocument.class).map(AlertDocument::toStored);
    }

    @Override
    public Mono<StoredAlert> update(Alert alert, boolean newRevision) {
        Mono<Long> seq = newRevision ? nextSeq() : Mono.just(-1L);
        return seq.flatMap(next -> {
            Update update = new Update().set("eventId", alert.eventId().toString()).set("raisedAt", alert.raisedAt())
                    .set("reportId", alert.reportId()).set("sensitivity", alert.sensitivity().wireName())
                    .set("urgency", alert.urgency().wireName()).set("freedoms", wireNames(alert.freedoms()))
                    .set("violationTypes", wireNames(alert.violationTypes())).set("headline", alert.headline())
                    .set("corroboration", alert.corroboration()).set("status", alert.status().wireName())
                    .set("revision", alert.revision());
            if (next >= 0) {
                update.set("seq", next).set("published", false);
            }
            return mongo.findAndModify(query(where("_id").is(alert.id())), update,
                    FindAndModifyOptions.options().returnNew(true), AlertDocument.class);
        }).map(AlertDocument::toStored);
    }

    @Override
    public Mono<Void> markPublished(String alertId, int revision) {
        return mongo.updateFirst(query(where("_id").is(alertId).and("revision").is(revision)),
                Update.update("published", true), AlertDocument.class).then();
    }

    @Override
    public Mono<Void> markNotified(String alertId, int revision, boolean heldForDigest) {
        Update update = Update.update("notifiedRevision", revision);
        if (heldForDigest) {
            update.set("digest", StoredAlert.DIGEST_PENDING);
        }
        return mongo.updateFirst(query(where("_id").is(alertId)), update, AlertDocument.class).then();
    }

    @Override
    public Mono<Void> assignDigest(Instant before, LocalDate day) {
        return mongo.updateMulti(query(where("digest").is(StoredAlert.DIGEST_PENDING).and("raisedAt").lt(before)),
                Update.update("digest", day.toString()), AlertDocument.class).then();
    }

    @Override
    public Flux<StoredAlert> inDigest(LocalDate day) {
        return mongo.find(query(where("digest").is(day.toString())), AlertDocument.class).map(AlertDocument::toStored);
    }

    @Override
    public Flux<StoredAlert> after(String subscriber, Set<String> countries, long seq) {
        Query after = query(where("subscriber").is(subscriber).and("country").in(countries).and("seq").gt(seq))
                .with(Sort.by(Sort.Direction.ASC, "seq"));
        return mongo.find(after, AlertDocument.class).map(AlertDocument::toStored);
    }

    @Override
    public Flux<StoredAlert> latest(String subscriber, Set<String> countries, Instant since, int limit) {
        Criteria criteria = where("subscriber").is(subscriber);
        if (!countries.isEmpty()) {
            criteria = criteria.and("country").in(countries);
        }
        if (since != null) {
            criteria = criteria.and("raisedAt").gte(since);
        }
        Query latest = query(criteria).with(Sort.by(Sort.Direction.DESC, "seq")).limit(limit);
        return mongo.find(latest, AlertDocument.class).map(AlertDocument::toStored);
    }

    private Mono<Long> nextSeq() {
        return mongo.findAndModify(query(where("_id").is(ALERT_SEQUENCE)), new Update().inc("value", 1L),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Counter.class)
                .map(Counter::value);
    }

    @Document("counters")
    record Counter(@Id String id, long value) {
    }

    @Document("alerts")
    record AlertDocument(@Id String id, long seq, String eventId, Instant raisedAt, String reportId,
            String subscriptionId, String subscriber, String sensitivity, String country, String urgency,
            Set<String> freedoms, Set<String> violationTypes, String headline, boolean published, String incidentId,
            int corroboration, String status, int revision, int notifiedRevision, String digest) {

        static AlertDocument of(Alert a, long seq) {
            return new AlertDocument(a.id(), seq, a.eventId().toString(), a.raisedAt(), a.reportId(),
                    a.subscriptionId(), a.subscriber(), a.sensitivity().wireName(), a.country(),
                    a.urgency().wireName(), wireNames(a.freedoms()), wireNames(a.violationTypes()), a.headline(),
                    false, a.incidentId(), a.corroboration(), a.status().wireName(), a.revision(), 0, null);
        }

        StoredAlert toStored() {
            Alert alert = new Alert(id, UUID.fromString(eventId), raisedAt, reportId, subscriptionId, subscriber,
                    Sensitivity.fromWire(sensitivity), country, Urgency.fromWire(urgency),
                    freedoms == null ? Set.of() : freedoms.stream().map(Freedom::fromWire).collect(Collectors.toSet()),
                    violationTypes == null ? Set.of()
                            : violationTypes.stream().map(ViolationType::fromWire).collect(Collectors.toSet()),
                    headline, incidentId, corroboration, status == null ? null : IncidentStatus.fromWire(status),
                    Math.max(revision, 1));
            return new StoredAlert(seq, alert, published, notifiedRevision, digest);
        }
    }
}
