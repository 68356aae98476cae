package org.civicspace.alert.adapter.in.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.civicspace.alert.application.StoredAlert;
import org.civicspace.alert.domain.Alert;
import org.civicspace.events.Freedom;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;

/**
 * A stored alert as it now stands: the fields of {@code AlertRaised}, plus {@code seq}, its place
 * in the stream, and {@code digest}: {@code pending} while it waits for the daily digest, then
 * the digest's day; absent when it was not held.
 */
record AlertResponse(long seq, UUID eventId, Instant occurredAt, String alertId, String reportId,
        String subscriptionId, String subscriber, Sensitivity sensitivity, String country, Urgency urgency,
        List<Freedom> freedoms, List<ViolationType> violationTypes, String headline, String incidentId,
        int corroboration, String status, int revision, String digest) {

    static AlertResponse of(StoredAlert stored) {
        Alert a = stored.alert();
        return new AlertResponse(stored.seq(), a.eventId(), a.raisedAt(), a.id(), a.reportId(), a.subscriptionId(),
                a.subscriber(), a.sensitivity(), a.country(), a.urgency(), a.freedoms().stream().sorted().toList(),
                a.violationTypes().stream().sorted().toList(), a.headline(), a.incidentId(), a.corroboration(),
                a.status().wireName(), a.revision(), stored.digest());
    }
}
