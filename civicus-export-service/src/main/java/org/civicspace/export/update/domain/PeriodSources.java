package org.civicspace.export.update.domain;

import java.util.List;
import java.util.Map;

import org.civicspace.export.domain.ArchivedReport;

/**
 * What the archive holds for one country and period, every sensitivity, with each report's
 * incident ({@code incidentOf}: report id → incident id, for the reports and the reports they
 * duplicate that are in an incident). The compiler decides what of it may be shown.
 */
public record PeriodSources(List<ArchivedReport> reports, Map<String, String> incidentOf) {

    public PeriodSources {
        reports = reports == null ? List.of() : List.copyOf(reports);
        incidentOf = incidentOf == null ? Map.of() : Map.copyOf(incidentOf);
    }
}
