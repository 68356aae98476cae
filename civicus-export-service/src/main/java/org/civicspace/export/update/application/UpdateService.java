package org.civicspace.export.update.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.civicspace.events.CivicusRating;
import org.civicspace.export.application.ArchiveQueries;
import org.civicspace.export.country.application.CountryRatings;
import org.civicspace.export.country.domain.CountryRating;
import org.civicspace.export.domain.ArchivedReport;
import org.civicspace.export.update.domain.PeriodSources;
import org.civicspace.export.update.domain.UpdateCompiler;
import org.civicspace.export.update.domain.UpdateEdit;
import org.civicspace.export.update.domain.UpdateRequest;
import org.civicspace.export.update.domain.UpdateVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Compiles updates from the archive and takes them through the editor workflow, one kept version per change. */
@Service
public class UpdateService {

    static final String COMPILED = "civicspace.export.updates.compiled";
    static final String CHANGED = "civicspace.export.updates.changed";

    private static final Pattern ID = Pattern.compile("u-[0-9a-f]{20}");
    private static final Logger log = LoggerFactory.getLogger(UpdateService.class);

    private final ArchiveQueries archive;
    private final IncidentStore incidents;
    private final CountryRatings ratings;
    private final UpdateStore store;
    private final UpdateCompiler compiler;
    private final Clock clock;
    private final MeterRegistry meters;

    UpdateService(ArchiveQueries archive, IncidentStore incidents, CountryRatings ratings, UpdateStore store,
            UpdateCompiler compiler, Clock clock, MeterRegistry meters) {
        this.archive = archive;
        this.incidents = incidents;
        this.ratings = ratings;
        this.store = store;
        this.compiler = compiler;
        this.clock = clock;
        this.meters = meters;
    }

    /** A new draft, version 1, compiled by {@code editor}. */
    public Mono<UpdateVersion> compile(UpdateRequest request, String editor) {
        return compile("u-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20), request, editor,
                "editor");
    }

    /**
     * The draft of a scheduled period: its id follows from country and period, so a second run (a
     * restart, a second instance) finds it taken and makes no second draft.
     */
    public Mono<UpdateVersion> compileScheduled(UpdateRequest request, String by) {
        return compile(scheduledId(request), request, by, "schedule");
    }

    private Mono<UpdateVersion> compile(String id, UpdateRequest request, String editor, String trigger) {
        Mono<Optional<CivicusRating>> rating = ratings.find(request.country()).map(CountryRating::rating)
                .map(Optional::of).defaultIfEmpty(Optional.empty());
        UpdateRequest previous = request.previous();
        return Mono.zip(rating, sources(request), sources(previous))
                .map(found -> compiler.compile(id, request, found.getT2(), found.getT3(), found.getT1().orElse(null),
                        editor, clock.instant()))
                .flatMap(store::add)
                .doOnNext(compiled -> {
                    meters.counter(COMPILED, "trigger", trigger).increment();
                    log.info("Update {} compiled for {} {}..{} by {}", id, request.country(), request.from(),
                            request.to(), editor);
                });
    }

    private Mono<PeriodSources> sources(UpdateRequest period) {
        return archive.reports(period.country(), period.start(), period.end()).collectList()
                .flatMap(reports -> {
                    Set<String> ids = new HashSet<>();
                    for (ArchivedReport report : reports) {
                        ids.add(report.id());
                        if (report.duplicateOf() != null) {
                            ids.add(report.duplicateOf());
                        }
                    }
                    return incidents.incidentsOf(ids).map(found -> {
                        Map<String, String> incidentOf = new HashMap<>();
                        found.forEach((reportId, incident) -> incidentOf.put(reportId, incident.id()));
                        return new PeriodSources(reports, incidentOf);
                    });
                });
    }

    /** The latest version; empty for an unknown id. */
    public Mono<UpdateVersion> latest(String id) {
        return ID.matcher(id).matches() ? store.latest(id) : Mono.empty();
    }

    /** Version {@code number}; empty if there is none. */
    public Mono<UpdateVersion> version(String id, int number) {
        return ID.matcher(id).matches() ? store.version(id, number) : Mono.empty();
    }

    /** Every version, oldest first; empty for an unknown id. */
    public Flux<UpdateVersion> versions(String id) {
        return ID.matcher(id).matches() ? store.versions(id) : Flux.empty();
    }

    /** The latest version of each update of a country (all countries when null), last edited first. */
    public Flux<UpdateVersion> list(String country) {
        return store.latestOf(country);
    }

    /** Applies an edit as the next version; empty for an unknown id. */
    public Mono<UpdateVersion> edit(String id, Integer expectedVersion, UpdateEdit edit, String editor) {
        return change(id, expectedVersion, latest -> latest.edit(edit, editor, clock.instant()),
                edit.correction() != null ? "corrected" : "edited", editor);
    }

    /** draft → in_review; empty for an unknown id. */
    public Mono<UpdateVersion> review(String id, Integer expectedVersion, String editor) {
        return change(id, expectedVersion, latest -> latest.review(editor, clock.instant()), "in_review", editor);
    }

    /** in_review → published; empty for an unknown id. */
    public Mono<UpdateVersion> publish(String id, Integer expectedVersion, String editor) {
        return change(id, expectedVersion, latest -> latest.publish(editor, clock.instant()), "published", editor);
    }

    private Mono<UpdateVersion> change(String id, Integer expectedVersion, Function<UpdateVersion, UpdateVersion> step,
            String what, String editor) {
        return latest(id)
                .flatMap(latest -> expectedVersion != null && expectedVersion != latest.number()
                        ? Mono.error(new VersionMismatchException(id, expectedVersion, latest.number()))
                        : Mono.fromCallable(() -> step.apply(latest)))
                .flatMap(store::add)
                .doOnNext(changed -> {
                    meters.counter(CHANGED, "change", what).increment();
                    log.info("Update {} version {} ({}) by {}", id, changed.number(), what, editor);
                });
    }

    /** The caller changed an older version than the latest ({@code If-Match}). */
    public static class VersionMismatchException extends RuntimeException {

        VersionMismatchException(String id, int expected, int latest) {
            super("Update " + id + " is at version " + latest + ", not " + expected
                    + "; read it again and repeat your change.");
        }
    }

    static String scheduledId(UpdateRequest request) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("scheduled|" + request.country() + "|"
                    + request.from() + "|" + request.to()).getBytes(StandardCharsets.UTF_8));
            return "u-" + HexFormat.of().formatHex(hash).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
