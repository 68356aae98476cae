package org.civicspace.export.update.application;

import org.civicspace.events.IncidentChanged;
import org.civicspace.export.update.domain.Incident;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/** Keeps incident membership up to date from {@code IncidentChanged}; an older revision never replaces a newer. */
@Service
public class RecordIncidentService {

    static final String RECORDED = "civicspace.export.incidents.recorded";

    private final IncidentStore incidents;
    private final MeterRegistry meters;

    RecordIncidentService(IncidentStore incidents, MeterRegistry meters) {
        this.incidents = incidents;
        this.meters = meters;
    }

    /** Records the event's incident; an invalid event is an error, so that it reaches the dead-letter topic. */
    public Mono<Boolean> record(IncidentChanged event) {
        return Mono.fromCallable(() -> Incident.from(event))
                .flatMap(incidents::record)
                .doOnNext(kept -> meters.counter(RECORDED, "outcome", kept ? "kept" : "stale").increment())
                .doOnError(failed -> meters.counter(RECORDED, "outcome", "failed").increment());
    }
}
