package org.civicspace.export.update.application;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.civicspace.events.Sensitivity;
import org.civicspace.export.application.AuditLog;
import org.civicspace.export.domain.AuditEntry;
import org.civicspace.export.domain.Caller;
import org.civicspace.export.domain.InvalidParametersException;
import org.civicspace.export.update.domain.UpdateDocument;
import org.civicspace.export.update.domain.UpdateVersion;
import org.civicspace.export.update.render.UpdateRenderer;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Exports a version of an update in any format a {@link UpdateRenderer} bean offers. Exporting an
 * update that cites restricted reports (an internal one) is a read of each of them, written to the
 * audit log before the file is handed out.
 */
@Service
public class ExportUpdateService {

    static final String EXPORTED = "civicspace.export.updates.exported";

    private final UpdateService updates;
    private final Map<String, UpdateRenderer> renderers;
    private final AuditLog audit;
    private final Clock clock;
    private final MeterRegistry meters;

    ExportUpdateService(UpdateService updates, List<UpdateRenderer> renderers, AuditLog audit, Clock clock,
            MeterRegistry meters) {
        this.updates = updates;
        this.renderers = renderers.stream().collect(Collectors.toMap(UpdateRenderer::format, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("two renderers for format " + a.format());
                }, TreeMap::new));
        this.audit = audit;
        this.clock = clock;
        this.meters = meters;
    }

    /** The formats there are renderers for, in alphabetical order. */
    public List<String> formats() {
        return List.copyOf(renderers.keySet());
    }

    /**
     * The file of version {@code version} (the latest when null) in {@code format}; empty when there
     * is no such update or version. An unknown format is an {@link InvalidParametersException}.
     */
    public Mono<ExportedUpdate> export(String id, String format, String version, Caller caller) {
        return Mono.fromCallable(() -> new Choice(renderer(format), number(version)))
                .flatMap(choice -> (choice.version() == null ? updates.latest(id) : updates.version(id, choice.version()))
                        .flatMap(found -> auditRestricted(found, caller)
                                .then(Mono.fromCallable(() -> choice.renderer().render(found.document()))
                                        .subscribeOn(Schedulers.boundedElastic()))
                                .map(body -> new ExportedUpdate(body, choice.renderer().format(),
                                        choice.renderer().mediaType(),
                                        fileName(found.document(), choice.renderer().extension(), choice.version())))))
                .doOnNext(exported -> meters.counter(EXPORTED, "format", exported.format()).increment());
    }

    private Mono<Void> auditRestricted(UpdateVersion version, Caller caller) {
        Instant now = clock.instant();
        return audit.recordAll(version.restrictedSources().stream()
                .map(reportId -> new AuditEntry(reportId, caller.subject(), caller.roles(), Sensitivity.RESTRICTED, now))
                .toList());
    }

    private UpdateRenderer renderer(String format) {
        UpdateRenderer renderer = format == null ? null : renderers.get(format.strip().toLowerCase(Locale.ROOT));
        if (renderer == null) {
            throw new InvalidParametersException("format", (format == null || format.isBlank() ? "required" :
                    "unknown format '" + format + "'") + "; one of: " + String.join(", ", renderers.keySet()));
        }
        return renderer;
    }

    private static Integer number(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(version.strip());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, with the other wrong values
        }
        throw new InvalidParametersException("version", "'" + version + "' is not a version number (1, 2, …)");
    }

    /** {@code kz-update-2026-10.md}; a period of other than one calendar month by its dates; -internal, -v3 when so. */
    static String fileName(UpdateDocument d, String extension, Integer version) {
        boolean oneMonth = d.from().getDayOfMonth() == 1 && d.to().plusDays(1).getDayOfMonth() == 1
                && YearMonth.from(d.from()).equals(YearMonth.from(d.to()));
        String period = oneMonth ? YearMonth.from(d.from()).toString() : d.from() + "-to-" + d.to();
        String name = d.country().toLowerCase(Locale.ROOT) + "-update-" + period + (d.internal() ? "-internal" : "")
                + (version != null ? "-v" + version : "");
        return name.replaceAll("[^a-z0-9-]", "") + "." + extension.replaceAll("[^a-z0-9]", "");
    }

    /** A rendered file: its bytes, format, media type and a safe download name. */
    public record ExportedUpdate(byte[] body, String format, String mediaType, String fileName) {
    }

    private record Choice(UpdateRenderer renderer, Integer version) {
    }
}
