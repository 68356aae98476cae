package org.civicspace.alert.adapter.out.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.civicspace.alert.application.Notification;
import org.civicspace.alert.application.delivery.Outbox;
import org.civicspace.alert.application.delivery.OutboxEntry;
import org.civicspace.alert.domain.Channel;
import org.civicspace.alert.domain.delivery.DeliveryStatus;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox in the {@code outbox} collection, its {@code _id} the idempotency key, so that the
 * database itself refuses a second copy. Claims are single-document {@code findAndModify} calls,
 * atomic on MongoDB and on mongo-java-server alike, so two workers never hold the same entry.
 * A free lease is stored as the epoch rather than left out, which keeps the due query one range
 * on each field. The webhook payload is stored as its JSON text, fixed at enqueue time.
 */
@Component
public class MongoOutbox implements Outbox {

    private static final Logger log = LoggerFactory.getLogger(MongoOutbox.class);
    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() { };

    private final ReactiveMongoTemplate mongo;
    private final JsonMapper json;

    public MongoOutbox(ReactiveMongoTemplate mongo, JsonMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        ReactiveIndexOperations indexes = mongo.indexOps(OutboxDocument.class);
        Flux.merge(indexes.createIndex(new Index("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC)),
                        indexes.createIndex(new Index("recipient", Sort.Direction.ASC).on("status", Sort.Direction.ASC)),
                        indexes.createIndex(new Index("enqueuedAt", Sort.Direction.DESC)))
                .subscribe(name -> { }, failed -> log.warn("could not index the outbox: {}", failed.toString()));
    }

    @Override
    public Mono<Boolean> add(Notification n, Instant now) {
        OutboxDocument document = new OutboxDocument(n.idempotencyKey(), n.channel().wireName(), n.recipient(),
                n.address(), n.webhookSecret(), n.subject(), n.text(), n.html(), json.writeValueAsString(n.payload()),
                DeliveryStatus.PENDING.wireName(), 0, now, now, Instant.EPOCH, null, null, null, null);
        return mongo.insert(document)
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, alreadyQueued -> Mono.just(false));
    }

    @Override
    public Flux<OutboxEntry> claimDue(Instant now, Instant leaseUntil, String claim, int limit) {
        Query due = query(where("status").is(DeliveryStatus.PENDING.wireName())
                .and("nextAttemptAt").lte(now)
                .and("leaseUntil").lte(now))
                .with(Sort.by("nextAttemptAt"));
        Update lease = new Update().set("leaseUntil", leaseUntil).set("claim", claim);
        AtomicInteger claimed = new AtomicInteger();
        // one at a time until none is due or the batch is full; nothing is claimed that is not then handed on
        Mono<OutboxDocument> claimOne = Mono.defer(() -> mongo.findAndModify(due, lease,
                FindAndModifyOptions.options().returnNew(true), OutboxDocument.class));
        return claimOne
                .expand(previous -> claimed.incrementAndGet() < limit ? claimOne : Mono.empty())
                .map(this::toEntry);
    }

    @Override
    public Mono<Boolean> markSent(String id, String claim, int attempts, Instant sentAt) {
        return updateClaimed(id, claim, released(attempts).set("status", DeliveryStatus.SENT.wireName())
                .set("sentAt", sentAt).unset("lastError"));
    }

    @Override
    public Mono<Boolean> retryLater(String id, String claim, int attempts, Instant nextAttemptAt, String error) {
        return updateClaimed(id, claim, released(attempts).set("nextAttemptAt", nextAttemptAt).set("lastError", error));
    }

    @Override
    public Mono<Boolean> giveUp(String id, String claim, int attempts, Instant at, String error) {
        return updateClaimed(id, claim, released(attempts).set("status", DeliveryStatus.GIVEN_UP.wireName())
                .set("givenUpAt", at).set("lastError", error));
    }

    @Override
    public Mono<OutboxEntry> requeue(String id, Instant now) {
        Query givenUp = query(where("_id").is(id).and("status").is(DeliveryStatus.GIVEN_UP.wireName()));
        Update again = released(0).set("status", DeliveryStatus.PENDING.wireName()).set("nextAttemptAt", now)
                .unset("givenUpAt");
        return mongo.findAndModify(givenUp, again, FindAndModifyOptions.options().returnNew(true), OutboxDocument.class)
                .map(this::toEntry);
    }

    @Override
    public Mono<OutboxEntry> find(String id) {
        return mongo.findById(id, OutboxDocument.class).map(this::toEntry);
    }

    @Override
    public Flux<OutboxEntry> list(DeliveryStatus status, String recipient, int limit) {
        Criteria criteria = new Criteria();
        if (status != null) {
            criteria = criteria.and("status").is(status.wireName());
        }
        if (recipient != null) {
            criteria = criteria.and("recipient").is(recipient);
        }
        Query newest = query(criteria).with(Sort.by(Sort.Direction.DESC, "enqueuedAt")).limit(limit);
        return mongo.find(newest, OutboxDocument.class).map(this::toEntry);
    }

    @Override
    public Mono<Long> countDue(Instant now) {
        return mongo.count(query(where("status").is(DeliveryStatus.PENDING.wireName()).and("nextAttemptAt").lte(now)),
                OutboxDocument.class);
    }

    private static Update released(int attempts) {
        return new Update().set("attempts", attempts).set("leaseUntil", Instant.EPOCH).unset("claim");
    }

    private Mono<Boolean> updateClaimed(String id, String claim, Update update) {
        return mongo.updateFirst(query(where("_id").is(id).and("claim").is(claim)), update, OutboxDocument.class)
                .map(result -> result.getMatchedCount() > 0);
    }

    private OutboxEntry toEntry(OutboxDocument d) {
        Map<String, Object> payload = d.payload() == null ? Map.of() : json.readValue(d.payload(), PAYLOAD);
        Notification notification = new Notification(d.id(), d.recipient(), Channel.fromWire(d.channel()),
                d.address(), d.webhookSecret(), d.subject(), d.text(), d.html(), payload);
        return new OutboxEntry(notification, DeliveryStatus.fromWire(d.status()), d.attempts(), d.enqueuedAt(),
                d.nextAttemptAt(), d.sentAt(), d.lastError(), d.claim());
    }

    @Document("outbox")
    record OutboxDocument(@Id String id, String channel, String recipient, String address, String webhookSecret,
            String subject, String text, String html, String payload, String status, int attempts, Instant enqueuedAt,
            Instant nextAttemptAt, Instant leaseUntil, String claim, Instant sentAt, Instant givenUpAt,
            String lastError) {

        /** Leaves the secret and the content out, so that logging a document never leaks them. */
        @Override
        public String toString() {
            return "OutboxDocument[id=" + id + ", channel=" + channel + ", status=" + status + "]";
        }
    }
}
