package org.civicspace.export.update.domain;

import java.util.List;

import org.civicspace.events.IncidentChanged;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Urgency;

/**
 * What the export service keeps of an incident: which reports tell of one event, at the highest
 * revision seen. No text and no names — alert-service sends none; the reports themselves are read
 * from the archive under this service's sensitivity rules.
 */
public record Incident(String id, String country, String status, Urgency urgency, Sensitivity sensitivity,
        List<String> reportIds, int corroboration, int revision) {

    public Incident {
        reportIds = reportIds == null ? List.of() : List.copyOf(reportIds);
    }

    /** The incident an event describes, refusing one that lacks what membership relies on. */
    public static Incident from(IncidentChanged event) {
        if (event == null) {
            throw new IllegalArgumentException("no IncidentChanged to record");
        }
        if (event.incidentId() == null || event.incidentId().isBlank()) {
            throw new IllegalArgumentException("IncidentChanged without incidentId");
        }
        if (event.country() == null || event.country().isBlank()) {
            throw new IllegalArgumentException("IncidentChanged without country");
        }
        if (event.reportIds().isEmpty() || event.reportIds().stream().anyMatch(id -> id == null || id.isBlank())) {
            throw new IllegalArgumentException("IncidentChanged without report ids, or with a blank one");
        }
        if (event.revision() < 1) {
            throw new IllegalArgumentException("IncidentChanged with a revision below 1");
        }
        return new Incident(event.incidentId(), event.country(), event.status(), event.urgency(), event.sensitivity(),
                event.reportIds(), event.corroboration(), event.revision());
    }

    public boolean contains(String reportId) {
        return reportIds.contains(reportId);
    }
}
