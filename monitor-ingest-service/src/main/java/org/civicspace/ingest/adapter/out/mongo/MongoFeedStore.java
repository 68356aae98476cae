package org.civicspace.ingest.adapter.out.mongo;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civicspace.ingest.application.FeedStore;
import org.civicspace.ingest.application.ManageFeedsUseCase.Registration;
import org.civicspace.ingest.domain.feed.Feed;
import org.civicspace.ingest.domain.feed.FeedHealth;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Feeds in the collection {@code feeds}, one document per feed with its health embedded. Every
 * look-up is by {@code _id}, the index the embedded store answers without reading every document.
 */
@Component
class MongoFeedStore implements FeedStore {

    private final ReactiveMongoTemplate mongo;

    MongoFeedStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Registration> register(Feed feed) {
        return mongo.insert(FeedDocument.of(feed)).map(inserted -> new Registration(inserted.toFeed(), true))
                .onErrorResume(DuplicateKeyException.class, registered -> mongo.findById(feed.id(), FeedDocument.class)
                        .map(existing -> new Registration(existing.toFeed(), false)));
    }

    @Override
    public Flux<Registration> registerAll(List<Feed> feeds) {
        List<String> ids = feeds.stream().map(Feed::id).toList();
        return find(ids).collectMap(Feed::id).flatMapMany(existing -> {
            Map<String, Feed> fresh = new LinkedHashMap<>();
            feeds.stream().filter(feed -> !existing.containsKey(feed.id())).forEach(feed -> fresh.putIfAbsent(feed.id(), feed));
            Mono<Map<String, Feed>> inserted = mongo.bulkOps(BulkMode.UNORDERED, FeedDocument.class)
                    .insert(fresh.values().stream().map(FeedDocument::of).toList()).execute()
                    .thenReturn(fresh)
                    // a feed registered at the same moment by another request: read back what is stored
                    .onErrorResume(MongoReportLedger::onlyDuplicates, raced -> find(fresh.keySet()).collectMap(Feed::id));
            Mono<Map<String, Feed>> stored = fresh.isEmpty() ? Mono.just(existing) : inserted.map(added -> {
                Map<String, Feed> all = new HashMap<>(existing);
                all.putAll(added);
                return all;
            });
            Set<String> answered = new HashSet<>();
            return stored.flatMapIterable(all -> feeds.stream()
                    .map(feed -> new Registration(all.get(feed.id()),
                            fresh.containsKey(feed.id()) && answered.add(feed.id())))
                    .toList());
        });
    }

    @Override
    public Flux<Feed> find(Collection<String> ids) {
        return ids.isEmpty() ? Flux.empty()
                : mongo.find(Query.query(Criteria.where("_id").in(ids)), FeedDocument.class).map(FeedDocument::toFeed);
    }

    @Override
    public Flux<Feed> all() {
        return mongo.find(new Query().with(Sort.by("registeredAt", "_id")), FeedDocument.class).map(FeedDocument::toFeed);
    }

    @Override
    public Mono<Feed> find(String id) {
        return mongo.findById(id, FeedDocument.class).map(FeedDocument::toFeed);
    }

    @Override
    public Mono<Boolean> delete(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), FeedDocument.class)
                .map(result -> result.getDeletedCount() > 0);
    }

    @Override
    public Mono<Void> saveHealth(String id, FeedHealth health) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("health", health),
                FeedDocument.class).then();
    }

    @Document("feeds")
    record FeedDocument(@Id String id, String url, String title, String language, String country,
            long pollIntervalSeconds, boolean enabled, Instant registeredAt, FeedHealth health) {

        static FeedDocument of(Feed feed) {
            return new FeedDocument(feed.id(), feed.url().toString(), feed.title(), feed.language(), feed.country(),
                    feed.pollInterval().toSeconds(), feed.enabled(), feed.registeredAt(), feed.health());
        }

        Feed toFeed() {
            return new Feed(id, URI.create(url), title, language, country, Duration.ofSeconds(pollIntervalSeconds),
                    enabled, registeredAt, health);
        }
    }
}
