package org.civicspace.export.country.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.civicspace.export.country.domain.CountryRating;
import org.civicspace.export.country.domain.RatingChange;
import org.civicspace.export.country.domain.RatingSeed;
import org.civicspace.export.country.domain.RatingUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and changes country ratings; every change goes into the country's history. */
@Service
public class CountryRatingService {

    static final String CHANGED = "civicspace.export.ratings.changed";

    /** Attempts when another editor's change lands between reading the rating and changing it. */
    private static final int ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(CountryRatingService.class);

    private final CountryRatings ratings;
    private final Clock clock;
    private final MeterRegistry meters;

    CountryRatingService(CountryRatings ratings, Clock clock, MeterRegistry meters) {
        this.ratings = ratings;
        this.clock = clock;
        this.meters = meters;
    }

    /** The country's rating with its history; empty if it has none. */
    public Mono<CountryRating> rating(String country) {
        return ratings.find(country);
    }

    /** Another change of the same rating kept landing first; the caller may try again. */
    public static class RatingConflictException extends RuntimeException {

        RatingConflictException(String country) {
            super("The rating of " + country + " was being changed by someone else at the same time; try again.");
        }
    }

    /** Changes the rating as {@code editor} (the JWT subject) and answers the rating with its history. */
    public Mono<CountryRating> rate(String country, RatingUpdate update, String editor) {
        Mono<CountryRating> attempt = ratings.find(country)
                .map(CountryRating::rating)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(current -> ratings.change(country, new RatingChange(current.orElse(null), update.rating(),
                        editor, clock.instant(), update.reason())));
        return Flux.range(0, ATTEMPTS).concatMap(i -> attempt).next()
                .switchIfEmpty(Mono.error(() -> new RatingConflictException(country)))
                .doOnNext(changed -> {
                    meters.counter(CHANGED).increment();
                    log.info("Rating of {} set to {} by {}", country, update.rating().wireName(), editor);
                });
    }

    /** Gives each seeded country that has no rating yet its seed; answers how many were new. */
    public Mono<Long> seed(List<RatingSeed> seeds) {
        return Flux.fromIterable(seeds)
                .concatMap(seed -> ratings.seed(seed, new RatingChange(null, seed.rating(), "seed", clock.instant(),
                        "the rating the service started with" + (seed.since() == null ? ""
                                : ", held since " + seed.since()))))
                .filter(Boolean::booleanValue)
                .count();
    }
}
