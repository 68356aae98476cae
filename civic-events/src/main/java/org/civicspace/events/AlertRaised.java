package org.civicspace.events;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A classified report matched a subscription. Keyed by {@code country}. The {@code headline} is
 * safe to show the subscriber: for a restricted or confidential report it says only that
 * something new is waiting, never the report's text or names.
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
        String headline) {

    public AlertRaised {
        freedoms = EnumSets.ordered(freedoms);
        violationTypes = EnumSets.ordered(violationTypes);
    }
}
