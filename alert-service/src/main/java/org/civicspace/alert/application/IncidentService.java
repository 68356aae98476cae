package org.civicspace.alert.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 *
 * <p>Every new revision is stored as unpublished, then {@code IncidentChanged} is sent, then the
 * revision is marked published. A crash in between is repaired by the redelivered report, which
 * finds its incident unpublished and sends it; a report that never comes back (dead-lettered)
 * is covered by {@link #publishStale}, which a job runs every
 * {@code civicspace.alert.incidents.republish-after}. Either may send a revision twice, with the
 * same event id: at least once.
 */
@Service
public class IncidentService {

    private static final Logger log = LoggerFactory.getLogger(IncidentService.class);
    /** How many stale revisions one run of {@link #publishStale} sends; the next run takes the rest. */
    static final int STALE_BATCH = 100;

    private final IncidentStore store;
    private final IncidentPublisher publisher;
    private final Pseudonyms pseudonyms;
    private final Duration window;
    private final Duration republishAfter;
    private final Clock clock;
    private final MeterRegistry meters;

    IncidentService(IncidentStore store, IncidentPublisher publisher, Pseudonyms pseudonyms,
            IncidentProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.publisher = publisher;
        this.pseudonyms = pseudonyms;
        this.window = properties.window();
        this.republishAfter = properties.republishAfter();
        this.clock = clock;
        this.meters = meters;
    }

    /** The report's incident, with the report in it, its revision published. */
    public Mono<Incident> record(ReportClassified report) {
        IncidentReport facts = IncidentReport.of(report, pseudonyms);
        return store.incidentOf(facts.reportId())
                .switchIfEmpty(Mono.defer(() -> choose(facts).flatMap(id -> store.assign(facts.reportId(), id))))
                .flatMap(id -> store.find(id)
                        .flatMap(existing -> {
                            Incident after = existing.incident().with(facts);
                            if (after == existing.incident()) {
                                count("repeated");
                                return Mono.just(existing);
                            }
                            count(after.status() != existing.incident().status() ? "resolved" : "joined");
                            return store.save(after, clock.instant());
                        })
                        .switchIfEmpty(Mono.defer(() -> {
                            count("opened");
                            return store.save(Incident.open(id, facts), clock.instant());
                        })))
                .flatMap(stored -> stored.published() ? Mono.just(stored) : publish(stored))
                .map(StoredIncident::incident)
                .doOnNext(incident -> log.debug("report {} is in incident {} ({} sources, {}, revision {})",
                        facts.reportId(), incident.id(), incident.corroboration(), incident.status().wireName(),
                        incident.revision()));
    }

    /** Sends every revision stored more than {@code republish-after} before {@code now} and never published. */
    public Mono<Long> publishStale(Instant now) {
        return store.unpublished(now.minus(republishAfter), STALE_BATCH)
                .concatMap(this::publish)
                .doOnNext(stored -> log.info("incident {} revision {} published late", stored.incident().id(),
                        stored.incident().revision()))
                .count();
    }

    private Mono<StoredIncident> publish(StoredIncident stored) {
        return publisher.publish(stored.toEvent())
                .then(store.markPublished(stored.incident().id(), stored.incident().revision()))
                .thenReturn(stored);
    }

    private Mono<String> choose(IncidentReport facts) {
        Mono<String> nearDuplicate = facts.duplicateOf() == null ? Mono.empty()
                : store.incidentOf(facts.duplicateOf()).filterWhen(id -> store.find(id)
                        .map(stored -> stored.incident().country().equals(facts.country())).defaultIfEmpty(false));
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
