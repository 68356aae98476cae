package org.civicspace.export.update.adapter;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.civicspace.events.Sensitivity;
import org.civicspace.events.Urgency;
import org.civicspace.export.update.application.IncidentStore;
import org.civicspace.export.update.domain.Incident;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code incidents} ({@code _id} = incident id, the highest revision seen) and
 * {@code report_incidents} ({@code _id} = report id, every incident that ever listed it). Every read
 * is by {@code _id}. A report an incident no longer lists (a split, a merge) keeps the stale entry
 * in {@code report_incidents}; {@link #incidentsOf} checks each against the incident as it is now,
 * so the entries only ever grow and every write is an idempotent upsert.
 */
@Component
class MongoIncidentStore implements IncidentStore {

    private static final String MEMBERSHIP = "report_incidents";

    private final ReactiveMongoTemplate mongo;

    MongoIncidentStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<Boolean> record(Incident incident) {
        // membership first: if the incident write fails, the retry redoes both; the reverse order
        // would let the retry see the revision as kept and skip the membership for good
        Mono<Void> membership = Flux.fromIterable(incident.reportIds())
                .concatMap(reportId -> mongo.upsert(byId(reportId), new Update().addToSet("incidents", incident.id()),
                        MEMBERSHIP))
                .then();
        // matches only an older revision; if a newer (or the same) one is kept, the upsert tries to insert
        // a second document with the same _id and the unique index refuses it
        Query older = Query.query(Criteria.where("_id").is(incident.id()).and("revision").lt(incident.revision()));
        Update replace = new Update()
                .set("country", incident.country())
                .set("status", incident.status())
                .set("urgency", incident.urgency())
                .set("sensitivity", incident.sensitivity())
                .set("reportIds", incident.reportIds())
                .set("corroboration", incident.corroboration())
                .set("revision", incident.revision());
        return membership.then(mongo.upsert(older, replace, IncidentDocument.class))
                .map(result -> true)
                .onErrorResume(DuplicateKeyException.class, newerKept -> Mono.just(false));
    }

    @Override
    public Mono<Map<String, Incident>> incidentsOf(Collection<String> reportIds) {
        if (reportIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(Query.query(Criteria.where("_id").in(reportIds)), MembershipDocument.class, MEMBERSHIP)
                .collectList()
                .flatMap(memberships -> {
                    Set<String> incidentIds = memberships.stream().flatMap(m -> m.incidents().stream())
                            .collect(Collectors.toSet());
                    return mongo.find(Query.query(Criteria.where("_id").in(incidentIds)), IncidentDocument.class)
                            .map(IncidentDocument::toDomain)
                            .collectList()
                            .map(incidents -> current(memberships, incidents));
                });
    }

    /** Each report's incident as the incidents say now; were two to hold it, the better corroborated wins. */
    private static Map<String, Incident> current(List<MembershipDocument> memberships, List<Incident> incidents) {
        Map<String, Incident> byId = incidents.stream().collect(Collectors.toMap(Incident::id, i -> i));
        Map<String, Incident> found = new HashMap<>();
        for (MembershipDocument membership : memberships) {
            membership.incidents().stream().map(byId::get)
                    .filter(incident -> incident != null && incident.contains(membership.reportId()))
                    .max(Comparator.comparingInt(Incident::corroboration)
                            .thenComparing(Incident::id, Comparator.reverseOrder()))
                    .ifPresent(incident -> found.put(membership.reportId(), incident));
        }
        return found;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    @Document("incidents")
    record IncidentDocument(@Id String id, String country, String status, Urgency urgency, Sensitivity sensitivity,
            List<String> reportIds, int corroboration, int revision) {

        Incident toDomain() {
            return new Incident(id, country, status, urgency, sensitivity, reportIds, corroboration, revision);
        }
    }

    record MembershipDocument(@Id String reportId, List<String> incidents) {

        MembershipDocument {
            incidents = incidents == null ? List.of() : incidents;
        }
    }
}
