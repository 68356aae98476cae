package org.civicspace.alert.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.civicspace.events.AlertRaised;
import org.civicspace.events.Classification;
import org.civicspace.events.Freedom;
import org.civicspace.events.ReportClassified;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;

/**
 * One report matched one subscription. Its id is derived from both, so that the same report
 * delivered again yields the same alert. It carries only what its subscriber may be shown.
 */
public record Alert(
        String id,
        UUID eventId,
        Instant raisedAt,
        String reportId,
        String subscriptionId,
        String subscriber,
        Sensitivity sensitivity,
        String country,
        Urgency urgency,
        Set<Freedom> freedoms,
        Set<ViolationType> violationTypes,
        String headline) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(sensitivity, "sensitivity");
        freedoms = freedoms == null ? Set.of() : Set.copyOf(freedoms);
        violationTypes = violationTypes == null ? Set.of() : Set.copyOf(violationTypes);
    }

    /** The id of the alert a report raises for a subscription. */
    public static String idOf(String reportId, String subscriptionId) {
        return reportId + ":" + subscriptionId;
    }

    /**
     * The alert a classified report raises for a matching subscription. A report without a
     * sensitivity is treated as confidential; a confidential report's tags are left out too,
     * as the contract's example shows, since they say what happened to whom.
     */
    public static Alert raise(ReportClassified report, Subscription subscription, UUID eventId, Instant now) {
        Classification classification = report.classification();
        Sensitivity sensitivity = report.sensitivity() == null ? Sensitivity.CONFIDENTIAL : report.sensitivity();
        boolean withTags = sensitivity != Sensitivity.CONFIDENTIAL;
        return new Alert(idOf(report.reportId(), subscription.id()), eventId, now, report.reportId(),
                subscription.id(), subscription.owner(), sensitivity, classification.country(),
                classification.urgency(),
                withTags ? classification.freedoms() : Set.of(),
                withTags ? classification.violationTypes() : Set.of(),
                Headlines.of(sensitivity, classification.country(), classification.urgency(), report.report()));
    }

    /** True when this alert belongs on a stream of {@code subscriber} for these countries. */
    public boolean isFor(String subscriber, Set<String> countries) {
        return this.subscriber.equals(subscriber) && countries.contains(country);
    }

    /** The event announcing this alert; the same alert always gives the same event. */
    public AlertRaised toEvent() {
        return new AlertRaised(eventId, raisedAt, id, reportId, subscriptionId, subscriber, sensitivity, country,
                urgency, freedoms, violationTypes, headline);
    }
}
