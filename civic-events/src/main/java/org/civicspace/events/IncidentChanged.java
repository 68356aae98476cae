package org.civicspace.events;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An incident — the reports that tell of one event — was opened or changed. Keyed by
 * {@code country}. It carries ids and tags only, never a report's text or a name, so that a
 * consumer (the export service, which compiles updates with incidents as the unit) learns which
 * reports belong together and looks the reports up under its own sensitivity rules.
 *
 * <p>{@code status} is {@code open} or {@code resolved}; {@code corroboration} counts distinct
 * sources; {@code sensitivity} is the strictest of its reports'; {@code revision} grows with
 * each change, so a consumer keeps the highest it has seen.
 */
public record IncidentChanged(
        UUID eventId,
        Instant occurredAt,
        String incidentId,
        String country,
        String status,
        Urgency urgency,
        Sensitivity sensitivity,
        Set<Freedom> freedoms,
        Set<ViolationType> violationTypes,
        List<String> reportIds,
        int corroboration,
        Instant firstReportedAt,
        Instant lastReportedAt,
        int revision) {

    /** An incident whose reports still tell of something going on. */
    public static final String OPEN = "open";

    /** An incident that ended, e.g. with a reported release. */
    public static final String RESOLVED = "resolved";

    public IncidentChanged {
        freedoms = EnumSets.ordered(freedoms);
        violationTypes = EnumSets.ordered(violationTypes);
        reportIds = reportIds == null ? List.of() : List.copyOf(reportIds);
    }
}
