package org.civicspace.alert.application;

import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;

import org.civicspace.alert.IncidentProperties;
import org.civicspace.alert.domain.incident.Incident;
import org.civicspace.alert.domain.incident.IncidentReport;
import org.civicspace.alert.domain.incident.Pseudonyms;
import org.civicspace.events.ReportClassified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Puts each classified report into its incident: the one ingest's near-duplicate mark points
 * to, else an open one about the same event, else a new one. The choice is stored first, per
 * report, so that a redelivered report goes to the same incident and changes nothing; one
 * consumer thread per country partition keeps a country's incidents from being written at once.
 */
@Service
public class IncidentService {

    private static final Logger log = LoggerFactory.getLogger(IncidentService.class);

    private final IncidentStore store;
    private final Pseudonyms pseudonyms;
    private final Duration window;
    private final MeterRegistry meters;

    IncidentService(IncidentStore store, Pseudonyms pseudonyms, IncidentProperties properties, MeterRegistry meters) {
        this.store = store;
        this.pseudonyms = pseudonyms;
        this.window = properties.window();
        this.meters = meters;
    }

    /** The report's incident, with the report in it. */
    public Mono<Incident> record(ReportClassified report) {
        IncidentReport facts = IncidentReport.of(report, pseudonyms);
        return store.incidentOf(facts.reportId())
                .switchIfEmpty(Mono.defer(() -> choose(facts).flatMap(id -> store.assign(facts.reportId(), id))))
                .flatMap(id -> store.find(id)
                        .flatMap(existing -> {
                            Incident after = existing.with(facts);
                            if (after == existing) {
                                count("repeated");
                                return Mono.just(existing);
                            }
                            count(after.status() != existing.status() ? "resolved" : "joined");
                            return store.save(after);
                        })
                        .switchIfEmpty(Mono.defer(() -> {
                            count("opened");
                            return store.save(Incident.open(id, facts));
                        })))
                .doOnNext(incident -> log.debug("report {} is in incident {} ({} sources, {})", facts.reportId(),
                        incident.id(), incident.corroboration(), incident.status().wireName()));
    }

    private Mono<String> choose(IncidentReport facts) {
        Mono<String> nearDuplicate = facts.duplicateOf() == null ? Mono.empty()
                : store.incidentOf(facts.duplicateOf()).filterWhen(id -> store.find(id)
                        .map(incident -> incident.country().equals(facts.country())).defaultIfEmpty(false));
        Mono<String> sameEvent = store.openIn(facts.country(), facts.at().minus(window))
                .filter(incident -> incident.concerns(facts, window))
                .sort(Comparator.comparing(Incident::lastAt).reversed())
                .next()
                .map(Incident::id);
        return nearDuplicate.switchIfEmpty(sameEvent)
                .switchIfEmpty(Mono.fromSupplier(() -> "inc-" + UUID.randomUUID()));
    }

    private void count(String outcome) {
        meters.counter("civicspace.alert.incidents.recorded", "outcome", outcome).increment();
    }
}
