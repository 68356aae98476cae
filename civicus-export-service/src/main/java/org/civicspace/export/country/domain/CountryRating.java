package org.civicspace.export.country.domain;

import java.util.List;

import org.civicspace.events.CivicusRating;

/**
 * A country's CIVICUS rating now and every change that led to it, oldest first.
 *
 * @param since the year the country has held this rating, when known
 * @param note a short remark that came with the rating, e.g. from the seed data
 */
public record CountryRating(String country, CivicusRating rating, Integer since, String note,
        List<RatingChange> history) {

    public CountryRating {
        history = history == null ? List.of() : List.copyOf(history);
    }
}
