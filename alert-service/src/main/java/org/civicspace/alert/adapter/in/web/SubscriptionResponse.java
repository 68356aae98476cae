package org.civicspace.alert.adapter.in.web;

import java.time.Instant;
import java.util.List;

import org.civicspace.alert.domain.Subscription;
import org.civicspace.events.Freedom;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;

/**
 * A subscription as its owner sees it, with the e-mail address alerts go to; the webhook secret
 * is never shown again.
 */
record SubscriptionResponse(String id, String owner, List<String> countries, List<Freedom> freedoms,
        List<ViolationType> violationTypes, Urgency minUrgency, String channel, String cadence, String email,
        Instant createdAt) {

    static SubscriptionResponse of(Subscription s) {
        return new SubscriptionResponse(s.id(), s.owner(), s.countries().stream().sorted().toList(),
                s.freedoms().stream().sorted().toList(), s.violationTypes().stream().sorted().toList(),
                s.minUrgency(), s.channel().wireName(), s.cadence().wireName(), s.email(), s.createdAt());
    }
}
