package org.civicspace.alert.adapter.out.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.civicspace.alert.application.urgent.UrgentActionStore;
import org.civicspace.alert.domain.urgent.UrgentAction;
import org.civicspace.events.Sensitivity;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Urgent actions in {@code urgent_actions}, {@code _id} = {@code ua-<incidentId>}. A change is a
 * replace conditional on the roster level and acknowledgement read before, so two escalation
 * runs, or an escalation and an acknowledgement, cannot both record.
 */
@Component
class MongoUrgentActionStore implements UrgentActionStore {

    private static final Comparator<UrgentAction> QUEUE_ORDER = Comparator
            .comparing(UrgentAction::isAcknowledged)
            .thenComparing(UrgentAction::openedAt, Comparator.reverseOrder());

    private final ReactiveMongoTemplate mongo;

    MongoUrgentActionStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<UrgentAction> open(UrgentAction action) {
        return mongo.insert(ActionDocument.of(action))
                .map(ActionDocument::toAction)
                .onErrorResume(DuplicateKeyException.class, opened -> find(action.id()));
    }

    @Override
    public Mono<UrgentAction> find(String id) {
        return mongo.findById(id, ActionDocument.class).map(ActionDocument::toAction);
    }

    @Override
    public Mono<Boolean> replace(UrgentAction before, UrgentAction after) {
        Criteria unchanged = where("_id").is(before.id()).and("level").is(before.level())
                .and("acknowledgedBy").is(before.acknowledgedBy());
        return mongo.replace(query(unchanged), ActionDocument.of(after))
                .map(result -> result.getModifiedCount() > 0);
    }

    @Override
    public Flux<UrgentAction> unacknowledged() {
        return mongo.find(query(where("acknowledgedBy").is(null)), ActionDocument.class).map(ActionDocument::toAction);
    }

    @Override
    public Flux<UrgentAction> all() {
        return mongo.findAll(ActionDocument.class).map(ActionDocument::toAction).sort(QUEUE_ORDER);
    }

    @Document("urgent_actions")
    record ActionDocument(@Id String id, String incidentId, String country, String sensitivity, String headline,
            Instant openedAt, int level, Instant lastNotifiedAt, String acknowledgedBy, Instant acknowledgedAt,
            List<UrgentAction.Step> steps) {

        static ActionDocument of(UrgentAction a) {
            return new ActionDocument(a.id(), a.incidentId(), a.country(), a.sensitivity().wireName(), a.headline(),
                    a.openedAt(), a.level(), a.lastNotifiedAt(), a.acknowledgedBy(), a.acknowledgedAt(), a.steps());
        }

        UrgentAction toAction() {
            return new UrgentAction(id, incidentId, country, Sensitivity.fromWire(sensitivity), headline, openedAt,
                    level, lastNotifiedAt, acknowledgedBy, acknowledgedAt, steps);
        }
    }
}
