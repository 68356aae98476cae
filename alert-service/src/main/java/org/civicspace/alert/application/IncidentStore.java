package org.civicspace.alert.application;

import java.time.Instant;

import org.civicspace.alert.domain.incident.Incident;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where incidents are kept, which incident each report went to, and which revisions are yet to be published. */
public interface IncidentStore {

    /** The incident the report was assigned to, if it was. */
    Mono<String> incidentOf(String reportId);

    /**
     * Assigns the report to the incident, once: answers the incident it is assigned to, which is
     * an earlier assignment's if there was one.
     */
    Mono<String> assign(String reportId, String incidentId);

    Mono<StoredIncident> find(String incidentId);

    /** The country's open incidents with a report at or after {@code since}. */
    Flux<Incident> openIn(String country, Instant since);

    /** Stores the incident's new revision, changed at {@code changedAt}, as not yet published. */
    Mono<StoredIncident> save(Incident incident, Instant changedAt);

    /** Records that this revision was published; a later revision stays unpublished. */
    Mono<Void> markPublished(String incidentId, int revision);

    /** Incidents whose current revision, stored before {@code changedBefore}, was never published; oldest first. */
    Flux<StoredIncident> unpublished(Instant changedBefore, int limit);
}
