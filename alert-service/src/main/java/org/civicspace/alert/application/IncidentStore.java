package org.civicspace.alert.application;

import java.time.Instant;

import org.civicspace.alert.domain.incident.Incident;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where incidents are kept, and which incident each report went to. */
public interface IncidentStore {

    /** The incident the report was assigned to, if it was. */
    Mono<String> incidentOf(String reportId);

    /**
     * Assigns the report to the incident, once: answers the incident it is assigned to, which is
     * an earlier assignment's if there was one.
     */
    Mono<String> assign(String reportId, String incidentId);

    Mono<Incident> find(String incidentId);

    /** The country's open incidents with a report at or after {@code since}. */
    Flux<Incident> openIn(String country, Instant since);

    Mono<Incident> save(Incident incident);
}
