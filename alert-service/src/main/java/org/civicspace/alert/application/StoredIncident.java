package org.civicspace.alert.application;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.civicspace.alert.domain.incident.Incident;
import org.civicspace.events.IncidentChanged;

/**
 * An incident as stored: {@code changedAt} is when its current revision was stored, and
 * {@code published} whether {@code IncidentChanged} has gone out for that revision.
 */
public record StoredIncident(Incident incident, Instant changedAt, boolean published) {

    /**
     * The revision as an event: ids and tags only. Its {@code eventId} is derived from the
     * incident id and revision, so that sending a revision again sends the very same event.
     */
    public IncidentChanged toEvent() {
        Incident i = incident;
        UUID eventId = UUID.nameUUIDFromBytes((i.id() + "#" + i.revision()).getBytes(StandardCharsets.UTF_8));
        return new IncidentChanged(eventId, changedAt, i.id(), i.country(), i.status().wireName(), i.urgency(),
                i.sensitivity(), i.freedoms(), i.violationTypes(), i.reportIds(), i.corroboration(), i.firstAt(),
                i.lastAt(), i.revision());
    }
}
