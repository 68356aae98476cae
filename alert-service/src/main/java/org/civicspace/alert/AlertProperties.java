package org.civicspace.alert;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Settings of the alert service, {@code civicspace.alert.*}.
 *
 * @param heartbeat how often an idle alert stream sends a comment, so that proxies and load
 *                  balancers do not close it as dead
 * @param gapWait   how long the live feed holds an alert while one numbered before it has not
 *                  come (another instance still storing or sending it): longer costs latency
 *                  when a number is never used, shorter risks a stream skipping a slow alert
 */
@ConfigurationProperties(prefix = "civicspace.alert")
@Validated
public record AlertProperties(
        @NotNull @DurationMin(millis = 100) Duration heartbeat,
        @NotNull @DurationMin(millis = 10) Duration gapWait) {
}
