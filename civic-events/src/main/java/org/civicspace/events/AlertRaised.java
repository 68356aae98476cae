package org.civicspace.events;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An alert for a subscriber was raised, or meaningfully updated. Keyed by {@code country}. The
 * {@code headline} is safe to show the subscriber: for a restricted or confidential report it
 * says only that something new is waiting, never the report's text or names.
 *
 * <p>Since incidents: an alert is about one incident ({@code incidentId}), however many reports
 * tell of it; {@code corroboration} counts its distinct sources, {@code status} is {@code open} or
 * {@code resolved}, and {@code revision} is 1 for a new alert and grows with each update of the
 * same {@code alertId}. All four are optional: absent in events from before incidents.
 */
public record AlertRaised(
        UUID eventId,
        Instant occurredAt,
        String alertId,
        String reportId,
        String subscriptionId,
        String subscriber,
        Sensitivity sensitivity,
        String country,
        Urgency urgency,
        Set<Freedom> freedoms,
        Set<ViolationType> violationTypes,
        String headline,
        String incidentId,
        Integer corroboration,
        String status,
        Integer revision) {

    public AlertRaised {
        freedoms = EnumSets.ordered(freedoms);
        violationTypes = EnumSets.ordered(violationTypes);
    }

    /** An alert about one report, as before incidents: no incident fields. */
    public AlertRaised(UUID eventId, Instant occurredAt, String alertId, String reportId, String subscriptionId,
            String subscriber, Sensitivity sensitivity, String country, Urgency urgency, Set<Freedom> freedoms,
            Set<ViolationType> violationTypes, String headline) {
        this(eventId, occurredAt, alertId, reportId, subscriptionId, subscriber, sensitivity, country, urgency,
                freedoms, violationTypes, headline, null, null, null, null);
    }
}
