package org.civicspace.alert.domain.urgent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.civicspace.alert.domain.incident.Incident;
import org.civicspace.events.Sensitivity;

/**
 * An urgent incident that someone must act on today. The country's on-call staff are told in
 * roster order: the first at once, the next each time {@code escalateAfter} passes without an
 * acknowledgement. Every step is kept with who and when.
 *
 * @param level the roster position last notified; -1 before anyone was
 */
public record UrgentAction(
        String id,
        String incidentId,
        String country,
        Sensitivity sensitivity,
        String headline,
        Instant openedAt,
        int level,
        Instant lastNotifiedAt,
        String acknowledgedBy,
        Instant acknowledgedAt,
        List<Step> steps) {

    /**
     * Who did what when: {@code opened}, {@code notified} (the first), {@code escalated},
     * {@code acknowledged}, or {@code resolved} (the incident was, so escalation stopped).
     */
    public record Step(Instant at, String kind, String by, List<String> whom) {

        public Step {
            whom = whom == null ? List.of() : List.copyOf(whom);
        }
    }

    public UrgentAction {
        Objects.requireNonNull(id, "id");
        steps = List.copyOf(steps);
    }

    /** The id of the urgent action an incident opens: one per incident. */
    public static String idOf(String incidentId) {
        return "ua-" + incidentId;
    }

    public static UrgentAction open(Incident incident, Instant now) {
        return new UrgentAction(idOf(incident.id()), incident.id(), incident.country(), incident.sensitivity(),
                incident.headline(), now, -1, null, null, null,
                List.of(new Step(now, "opened", "system", List.of())));
    }

    public boolean isAcknowledged() {
        return acknowledgedBy != null;
    }

    /**
     * The roster position to notify next, if it is time: the first at once, then the next one
     * each {@code escalateAfter}; none once acknowledged or when the roster has no one left.
     */
    public int nextLevel(Instant now, Duration escalateAfter, int rosterSize) {
        if (isAcknowledged() || level + 1 >= rosterSize) {
            return -1;
        }
        if (level >= 0 && now.isBefore(lastNotifiedAt.plus(escalateAfter))) {
            return -1;
        }
        return level + 1;
    }

    /** This action after {@code person} at roster position {@code newLevel} was told. */
    public UrgentAction notified(int newLevel, String person, Instant now) {
        List<Step> all = new ArrayList<>(steps);
        all.add(new Step(now, newLevel == 0 ? "notified" : "escalated", "system", List.of(person)));
        return new UrgentAction(id, incidentId, country, sensitivity, headline, openedAt, newLevel, now,
                acknowledgedBy, acknowledgedAt, all);
    }

    /** This action acknowledged by {@code user}; acknowledging again changes nothing. */
    public UrgentAction acknowledged(String user, Instant now) {
        return closed("acknowledged", user, now);
    }

    /**
     * This action closed because its incident was resolved (a release was reported): nobody
     * else is told. Recorded as acknowledged by {@code system}, with a {@code resolved} step.
     */
    public UrgentAction resolved(Instant now) {
        return closed("resolved", "system", now);
    }

    /** True when the incident's resolution, not a person, closed this action. */
    public boolean wasResolved() {
        return isAcknowledged() && steps.get(steps.size() - 1).kind().equals("resolved");
    }

    private UrgentAction closed(String kind, String by, Instant now) {
        if (isAcknowledged()) {
            return this;
        }
        List<Step> all = new ArrayList<>(steps);
        all.add(new Step(now, kind, by, List.of()));
        return new UrgentAction(id, incidentId, country, sensitivity, headline, openedAt, level, lastNotifiedAt,
                by, now, all);
    }
}
