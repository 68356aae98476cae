package org.civicspace.alert.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.civicspace.alert.domain.incident.Incident;
import org.civicspace.alert.domain.incident.IncidentStatus;
import org.civicspace.events.AlertRaised;
import org.civicspace.events.Freedom;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;

/**
 * One incident matched one subscription: one alert, however many reports tell of it. Its id is
 * derived from both, so that the same report delivered again finds the same alert. It carries
 * only what its subscriber may be shown. {@code revision} is 1 when raised and grows with each
 * meaningful update; {@code reportId} is the report that raised or last changed it.
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
        String headline,
        String incidentId,
        int corroboration,
        IncidentStatus status,
        int revision) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(sensitivity, "sensitivity");
        freedoms = freedoms == null ? Set.of() : Set.copyOf(freedoms);
        violationTypes = violationTypes == null ? Set.of() : Set.copyOf(violationTypes);
        status = status == null ? IncidentStatus.OPEN : status;
    }

    /** The alert as its event announced it (an event from before incidents counts as revision 1 of an open one). */
    public static Alert of(AlertRaised event) {
        return new Alert(event.alertId(), event.eventId(), event.occurredAt(), event.reportId(), event.subscriptionId(),
                event.subscriber(), event.sensitivity(), event.country(), event.urgency(), event.freedoms(),
                event.violationTypes(), event.headline(), event.incidentId(),
                event.corroboration() == null ? 1 : event.corroboration(),
                event.status() == null ? null : IncidentStatus.fromWire(event.status()),
                event.revision() == null ? 1 : event.revision());
    }

    /** The id of the alert an incident raises for a subscription. */
    public static String idOf(String incidentId, String subscriptionId) {
        return incidentId + ":" + subscriptionId;
    }

    /**
     * The alert as the incident now stands, for a matching subscription. A confidential
     * incident's tags are left out too, as the contract's example shows: they say what happened
     * to whom.
     */
    public static Alert about(Incident incident, String reportId, Subscription subscription, UUID eventId,
            Instant now, int revision) {
        boolean withTags = incident.sensitivity() != Sensitivity.CONFIDENTIAL;
        return new Alert(idOf(incident.id(), subscription.id()), eventId, now, reportId, subscription.id(),
                subscription.owner(), incident.sensitivity(), incident.country(), incident.urgency(),
                withTags ? incident.freedoms() : Set.of(), withTags ? incident.violationTypes() : Set.of(),
                incident.headline(), incident.id(), incident.corroboration(), incident.status(), revision);
    }

    /**
     * The next state of this alert when its incident changed: a new event (the next revision,
     * a new eventId) if the change is one a subscriber should hear of, else the same event with
     * the new figures. Empty of news is {@link #equals} to this alert.
     */
    public Alert updatedBy(Incident incident, String reportId, Subscription subscription, UUID newEventId,
            Instant now) {
        Alert next = about(incident, reportId, subscription, eventId, raisedAt, revision);
        if (sameFigures(next)) {
            return this;
        }
        return isNews(next) ? about(incident, reportId, subscription, newEventId, now, revision + 1) : next;
    }

    /**
     * News, worth a new event: the incident was resolved, became more urgent, or was confirmed by
     * a second source. More sources after that, more reports, and tags only update the alert in
     * place (visible in {@code GET /alerts} and in the next event), so that a story many outlets
     * carry does not ring ten times.
     */
    boolean isNews(Alert next) {
        return next.status != status
                || next.urgency != urgency && next.urgency.isAtLeast(urgency)
                || corroboration < 2 && next.corroboration >= 2;
    }

    private boolean sameFigures(Alert next) {
        return next.corroboration == corroboration && next.status == status && next.urgency == urgency
                && next.sensitivity == sensitivity && next.headline.equals(headline)
                && next.freedoms.equals(freedoms) && next.violationTypes.equals(violationTypes);
    }

    /** True when this alert belongs on a stream of {@code subscriber} for these countries. */
    public boolean isFor(String subscriber, Set<String> countries) {
        return this.subscriber.equals(subscriber) && countries.contains(country);
    }

    /** The event announcing this revision of the alert; the same revision always gives the same event. */
    public AlertRaised toEvent() {
        return new AlertRaised(eventId, raisedAt, id, reportId, subscriptionId, subscriber, sensitivity, country,
                urgency, freedoms, violationTypes, headline, incidentId, corroboration, status.wireName(), revision);
    }
}
