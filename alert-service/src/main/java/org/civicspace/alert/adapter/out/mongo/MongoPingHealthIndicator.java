package org.civicspace.alert.adapter.out.mongo;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Mongo health by {@code ping}: Boot's own check sends {@code hello}, which the embedded
 * Mongo-wire store does not answer, so it is switched off in favour of this one.
 */
@Component("mongo")
class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.executeCommand(new Document("ping", 1)).map(answer -> builder.up().build());
    }
}
