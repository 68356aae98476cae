package org.civicspace.alert.adapter.out.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import org.civicspace.alert.application.SubscriptionStore;
import org.civicspace.alert.domain.Cadence;
import org.civicspace.alert.domain.Channel;
import org.civicspace.alert.domain.Subscription;
import org.civicspace.events.Freedom;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;
import org.civicspace.events.WireName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.ReactiveIndexOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Subscriptions in the {@code subscriptions} collection, taxonomy values by their wire names. */
@Component
class MongoSubscriptionStore implements SubscriptionStore {

    private static final Logger log = LoggerFactory.getLogger(MongoSubscriptionStore.class);

    private final ReactiveMongoTemplate mongo;

    MongoSubscriptionStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        ReactiveIndexOperations indexes = mongo.indexOps(SubscriptionDocument.class);
        Flux.merge(indexes.createIndex(new Index("countries", Sort.Direction.ASC)),
                        indexes.createIndex(new Index("owner", Sort.Direction.ASC)))
                .subscribe(name -> { }, failed -> log.warn("could not index subscriptions: {}", failed.toString()));
    }

    @Override
    public Mono<Subscription> save(Subscription subscription) {
        return mongo.insert(SubscriptionDocument.of(subscription)).map(SubscriptionDocument::toSubscription);
    }

    @Override
    public Flux<Subscription> ownedBy(String owner) {
        return mongo.find(query(where("owner").is(owner)).with(Sort.by("createdAt", "_id")), SubscriptionDocument.class)
                .map(SubscriptionDocument::toSubscription);
    }

    @Override
    public Mono<Boolean> deleteOwned(String owner, String subscriptionId) {
        return mongo.remove(query(where("_id").is(subscriptionId).and("owner").is(owner)), SubscriptionDocument.class)
                .map(result -> result.getDeletedCount() > 0);
    }

    @Override
    public Flux<Subscription> covering(String country) {
        // an equality match on an array field matches documents whose array contains the value
        return mongo.find(query(where("countries").is(country)), SubscriptionDocument.class)
                .map(SubscriptionDocument::toSubscription);
    }

    @Document("subscriptions")
    record SubscriptionDocument(@Id String id, String owner, Set<String> countries, Set<String> freedoms,
            Set<String> violationTypes, String minUrgency, String channel, String cadence, String webhookUrl,
            String webhookSecret, String email, Instant createdAt) {

        static SubscriptionDocument of(Subscription s) {
            return new SubscriptionDocument(s.id(), s.owner(), s.countries(), wireNames(s.freedoms()),
                    wireNames(s.violationTypes()), s.minUrgency().wireName(), s.channel().wireName(),
                    s.cadence().wireName(), s.webhookUrl(), s.webhookSecret(), s.email(), s.createdAt());
        }

        Subscription toSubscription() {
            return new Subscription(id, owner, countries,
                    freedoms == null ? Set.of() : freedoms.stream().map(Freedom::fromWire).collect(Collectors.toSet()),
                    violationTypes == null ? Set.of()
                            : violationTypes.stream().map(ViolationType::fromWire).collect(Collectors.toSet()),
                    Urgency.fromWire(minUrgency), Channel.fromWire(channel), Cadence.fromWire(cadence), webhookUrl,
                    webhookSecret, email, createdAt);
        }
    }

    static Set<String> wireNames(Set<? extends WireName> values) {
        return values.stream().map(WireName::wireName).collect(Collectors.toSet());
    }
}
