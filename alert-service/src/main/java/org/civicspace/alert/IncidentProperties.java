package org.civicspace.alert;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Settings of incidents, {@code civicspace.alert.incidents.*}.
 *
 * @param window          how far apart two reports of one event may be (by when it happened)
 * @param republishAfter  an incident revision stored this long ago and still not published
 *                        (its report dead-lettered after the store took it) is published by a
 *                        job that runs this often
 * @param pseudonymSecret the key of the hashes that stand for names: in incidents (so that no
 *                        name is stored) and in pseudonyms of protected persons. Changing it
 *                        changes every pseudonym and stops new reports joining older incidents
 *                        by name. From the environment in production.
 */
@ConfigurationProperties(prefix = "civicspace.alert.incidents")
@Validated
public record IncidentProperties(
        @NotNull @DurationMin(minutes = 1) Duration window,
        @NotNull @DurationMin(seconds = 1) Duration republishAfter,
        @NotNull @Size(min = 16, message = "must have at least 16 characters") String pseudonymSecret) {

    /** Leaves the secret out. */
    @Override
    public String toString() {
        return "IncidentProperties[window=" + window + ", republishAfter=" + republishAfter + "]";
    }
}
