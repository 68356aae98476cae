package org.civicspace.export.country.application;

import org.civicspace.export.country.domain.CountryRating;
import org.civicspace.export.country.domain.RatingChange;
import org.civicspace.export.country.domain.RatingSeed;

import reactor.core.publisher.Mono;

/** The store of country ratings and their history, one entry per country. */
public interface CountryRatings {

    Mono<CountryRating> find(String country);

    /**
     * Sets the rating to {@code change.to()} and appends the change to the history, but only if
     * the rating is still {@code change.from()} (null: the country has none yet); empty when it is
     * not, so that two editors at once cannot record a history that skips a step.
     */
    Mono<CountryRating> change(String country, RatingChange change);

    /** Stores the seed as the country's rating if it has none; true if it did. */
    Mono<Boolean> seed(RatingSeed seed, RatingChange first);
}
