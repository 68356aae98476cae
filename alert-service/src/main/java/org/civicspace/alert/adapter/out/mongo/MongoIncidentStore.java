package org.civicspace.alert.adapter.out.mongo;

import static org.civicspace.alert.adapter.out.mongo.MongoSubscriptionStore.wireNames;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.civicspace.alert.application.IncidentStore;
import org.civicspace.alert.application.StoredIncident;
import org.civicspace.alert.domain.incident.Incident;
import org.civicspace.alert.domain.incident.IncidentStatus;
import org.civicspace.alert.domain.incident.NameKey;
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
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Incidents in {@code incidents}, and each report's incident in {@code incident_reports} (its
 * {@code _id} is the report id, so the database itself keeps one assignment per report). Names
 * are stored only as keyed hashes. Candidates are found by country and recent activity: a
 * small set per country, as the embedded store scans rather than use secondary indexes.
 */
@Component
class MongoIncidentStore implements IncidentStore {

    private static final Logger log = LoggerFactory.getLogger(MongoIncidentStore.class);

    private final ReactiveMongoTemplate mongo;

    MongoIncidentStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        mongo.indexOps(IncidentDocument.class)
                .createIndex(new Index("published", Sort.Direction.ASC).on("changedAt", Sort.Direction.ASC))
                .subscribe(name -> { }, failed -> log.warn("could not index incidents: {}", failed.toString()));
    }

    @Override
    public Mono<String> incidentOf(String reportId) {
        return mongo.findById(reportId, Assignment.class).map(Assignment::incidentId);
    }

    @Override
    public Mono<String> assign(String reportId, String incidentId) {
        return mongo.insert(new Assignment(reportId, incidentId))
                .map(Assignment::incidentId)
                .onErrorResume(DuplicateKeyException.class, assigned -> incidentOf(reportId));
    }

    @Override
    public Mono<StoredIncident> find(String incidentId) {
        return mongo.findById(incidentId, IncidentDocument.class).map(IncidentDocument::toStored);
    }

    @Override
    public Flux<Incident> openIn(String country, Instant since) {
        return mongo.find(query(where("country").is(country).and("status").is(IncidentStatus.OPEN.wireName())
                        .and("lastAt").gte(since)), IncidentDocument.class)
                .map(IncidentDocument::toIncident);
    }

    @Override
    public Mono<StoredIncident> save(Incident incident, Instant changedAt) {
        return mongo.findAndReplace(query(where("_id").is(incident.id())), IncidentDocument.of(incident, changedAt),
                        FindAndReplaceOptions.options().upsert().returnNew())
                .map(IncidentDocument::toStored);
    }

    @Override
    public Mono<Void> markPublished(String incidentId, int revision) {
        return mongo.updateFirst(query(where("_id").is(incidentId).and("revision").is(revision)),
                Update.update("published", true), IncidentDocument.class).then();
    }

    @Override
    public Flux<StoredIncident> unpublished(Instant changedBefore, int limit) {
        Query stale = query(where("published").is(false).and("changedAt").lt(changedBefore))
                .with(Sort.by(Sort.Direction.ASC, "changedAt")).limit(limit);
        return mongo.find(stale, IncidentDocument.class).map(IncidentDocument::toStored);
    }

    @Document("incident_reports")
    record Assignment(@Id String reportId, String incidentId) {
    }

    @Document("incidents")
    record IncidentDocument(@Id String id, String country, Instant firstAt, Instant lastAt, List<String> reportIds,
            Set<String> sources, List<List<String>> people, List<List<String>> places,
            List<List<String>> organisations, Set<String> violationTypes, Set<String> freedoms, String urgency,
            String sensitivity, String headline, String status, String resolvedBy, int revision, Instant changedAt,
            boolean published) {

        static IncidentDocument of(Incident i, Instant changedAt) {
            return new IncidentDocument(i.id(), i.country(), i.firstAt(), i.lastAt(), i.reportIds(), i.sources(),
                    keys(i.people()), keys(i.places()), keys(i.organisations()), wireNames(i.violationTypes()),
                    wireNames(i.freedoms()), i.urgency().wireName(), i.sensitivity().wireName(), i.headline(),
                    i.status().wireName(), i.resolvedBy(), i.revision(), changedAt, false);
        }

        /** Incidents stored before they were published count as published: there is no event to repair. */
        StoredIncident toStored() {
            return new StoredIncident(toIncident(), changedAt == null ? lastAt : changedAt,
                    published || changedAt == null);
        }

        Incident toIncident() {
            // incidents stored before revisions were counted had one change per report
            return new Incident(id, country, firstAt, lastAt, reportIds, sources, nameKeys(people), nameKeys(places),
                    nameKeys(organisations),
                    violationTypes.stream().map(ViolationType::fromWire).collect(Collectors.toSet()),
                    freedoms.stream().map(Freedom::fromWire).collect(Collectors.toSet()), Urgency.fromWire(urgency),
                    Sensitivity.fromWire(sensitivity), headline, IncidentStatus.fromWire(status), resolvedBy,
                    revision > 0 ? revision : reportIds.size());
        }

        private static List<List<String>> keys(Set<NameKey> keys) {
            return keys.stream().map(key -> List.copyOf(key.tokens())).toList();
        }

        private static Set<NameKey> nameKeys(List<List<String>> keys) {
            return keys == null ? Set.of() : keys.stream().map(tokens -> new NameKey(Set.copyOf(tokens)))
                    .collect(Collectors.toSet());
        }
    }
}
