package org.civicspace.alert.adapter.out.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.civicspace.alert.application.AlertBudget;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * One counter document per subscriber and clock hour in {@code alert_budgets}
 * ({@code _id} = {@code subscriber|2026-11-22T05:00:00Z}), advanced atomically.
 */
@Component
class MongoAlertBudget implements AlertBudget {

    private final ReactiveMongoTemplate mongo;

    MongoAlertBudget(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Boolean> tryTake(String subscriber, Instant now, int perHour) {
        String bucket = subscriber + "|" + now.truncatedTo(ChronoUnit.HOURS);
        return mongo.findAndModify(query(where("_id").is(bucket)), new Update().inc("spent", 1),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Spent.class)
                .map(spent -> spent.spent() <= perHour);
    }

    @Document("alert_budgets")
    record Spent(@Id String id, int spent) {
    }
}
