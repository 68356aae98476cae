package org.civicspace.alert;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.civicspace.alert.domain.urgent.OnCallPerson;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Urgent actions, {@code civicspace.alert.urgent.*}.
 *
 * @param escalateAfter how long an urgent action may wait unacknowledged before the next
 *                      person on the roster is told
 * @param checkEvery    how often unacknowledged actions are checked for escalation
 * @param onCall        per country (ISO code, or {@code default} for any other), the on-call
 *                      advocacy staff in escalation order
 */
@ConfigurationProperties(prefix = "civicspace.alert.urgent")
@Validated
public record UrgentProperties(
        @NotNull @DurationMin(seconds = 1) Duration escalateAfter,
        @NotNull @DurationMin(millis = 100) Duration checkEvery,
        Map<String, List<OnCallPerson>> onCall) {

    public UrgentProperties {
        onCall = onCall == null ? Map.of() : Map.copyOf(onCall);
    }

    /** The country's roster, or the {@code default} one; empty when neither is configured. */
    public List<OnCallPerson> rosterOf(String country) {
        for (Map.Entry<String, List<OnCallPerson>> entry : onCall.entrySet()) {
            if (entry.getKey().toUpperCase(Locale.ROOT).equals(country)) {
                return entry.getValue();
            }
        }
        return onCall.getOrDefault("default", List.of());
    }
}
