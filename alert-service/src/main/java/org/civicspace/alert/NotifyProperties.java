package org.civicspace.alert;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * How subscribers are told, {@code civicspace.alert.notify.*}.
 *
 * @param linkBase         where the web UI is: notifications link to it, behind login
 * @param immediatePerHour the alert budget: at most this many e-mail or webhook alerts per
 *                         subscriber and clock hour (UTC); the rest wait for the daily digest
 * @param digestCron       when the daily digest of the previous day (UTC) is built, a
 *                         six-field Spring cron expression in UTC
 */
@ConfigurationProperties(prefix = "civicspace.alert.notify")
@Validated
public record NotifyProperties(
        @NotBlank @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String linkBase,
        @Min(0) int immediatePerHour,
        @NotBlank String digestCron) {
}
