package org.civicspace.export;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Settings of civicus-export-service ({@code civicspace.export.*}).
 *
 * @param archiveTimeout how long one delivery may wait for the store before the attempt fails
 *        and the binder's retry (then the dead-letter topic) takes over
 * @param watchlistWindow how far back a country page looks for the violations its watchlist rules count
 */
@Validated
@ConfigurationProperties(prefix = "civicspace.export")
public record ExportProperties(@NotNull Duration archiveTimeout, @NotNull Duration watchlistWindow) {
}
