package org.civicspace.export.update.application;

import java.util.Collection;
import java.util.Map;

import org.civicspace.export.update.domain.Incident;

import reactor.core.publisher.Mono;

/** The incidents alert-service told of, each at the highest revision seen, and which report is in which. */
public interface IncidentStore {

    /**
     * Keeps {@code incident} unless a revision as high or higher is already kept; true if it was
     * kept. Repeating a call changes nothing.
     */
    Mono<Boolean> record(Incident incident);

    /**
     * For each of {@code reportIds} that an incident holds now (at its highest revision), that
     * incident; reports in none are absent from the map.
     */
    Mono<Map<String, Incident>> incidentsOf(Collection<String> reportIds);
}
