package org.civicspace.export.country.domain;

import java.time.Instant;

import org.civicspace.events.CivicusRating;

/** One change of a country's rating: from what (null for the first), to what, by whom, when and why. */
public record RatingChange(CivicusRating from, CivicusRating to, String by, Instant at, String reason) {
}
