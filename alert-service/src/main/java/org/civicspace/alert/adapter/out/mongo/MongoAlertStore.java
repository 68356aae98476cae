package org.civicspace.alert.adapter.out.mongo;

import static org.civicspace.alert.adapter.out.mongo.MongoSubscriptionStore.wireNames;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.civicspace.alert.application.AlertStore;
import org.civicspace.alert.application.StoredAlert;
import org.civicspace.alert.domain.Alert;
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
 * Alerts in the {@code alerts} collection, their {@code _id} being {@code reportId:subscriptionId}
 * so that the database itself refuses a second alert for the same report and subscription.
 * Sequence numbers come from one counter document in {@code counters}, advanced atomically.
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
    public Mono<Void> markPublished(String alertId) {
        return mongo.updateFirst(query(where("_id").is(alertId)), Update.update("published", true), AlertDocument.class)
                .then();
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
            Set<String> freedoms, Set<String> violationTypes, String headline, boolean published) {

        static AlertDocument of(Alert a, long seq) {
            return new AlertDocument(a.id(), seq, a.eventId().toString(), a.raisedAt(), a.reportId(),
                    a.subscriptionId(), a.subscriber(), a.sensitivity().wireName(), a.country(),
                    a.urgency().wireName(), wireNames(a.freedoms()), wireNames(a.violationTypes()), a.headline(),
                    false);
        }

        StoredAlert toStored() {
            Alert alert = new Alert(id, UUID.fromString(eventId), raisedAt, reportId, subscriptionId, subscriber,
                    Sensitivity.fromWire(sensitivity), country, Urgency.fromWire(urgency),
                    freedoms == null ? Set.of() : freedoms.stream().map(Freedom::fromWire).collect(Collectors.toSet()),
                    violationTypes == null ? Set.of()
                            : violationTypes.stream().map(ViolationType::fromWire).collect(Collectors.toSet()),
                    headline);
            return new StoredAlert(seq, alert, published);
        }
    }
}
