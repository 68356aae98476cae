package org.civicspace.export.country.domain;

import java.util.ArrayList;
import java.util.List;

import org.civicspace.events.CivicusRating;
import org.civicspace.export.domain.InvalidParametersException;

/** An editor's new rating for a country, with the reason that goes into its history. */
public record RatingUpdate(CivicusRating rating, String reason) {

    static final int MAX_REASON = 2000;

    /** The update from the request's fields, or an {@link InvalidParametersException} naming each bad one. */
    public static RatingUpdate parse(String rating, String reason) {
        List<InvalidParametersException.Problem> problems = new ArrayList<>();
        CivicusRating parsed = null;
        if (rating == null || rating.isBlank()) {
            problems.add(new InvalidParametersException.Problem("rating", "is required"));
        } else {
            try {
                parsed = CivicusRating.fromWire(rating);
            } catch (IllegalArgumentException unknown) {
                // named without the value sent, which may be long or markup
                problems.add(new InvalidParametersException.Problem("rating", "must be one of: " + String.join(", ",
                        java.util.Arrays.stream(CivicusRating.values()).map(CivicusRating::wireName).toList())));
            }
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new InvalidParametersException.Problem("reason", "is required: say why the rating changes"));
        } else if (reason.length() > MAX_REASON) {
            problems.add(new InvalidParametersException.Problem("reason", "is longer than " + MAX_REASON + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(problems);
        }
        return new RatingUpdate(parsed, reason.strip());
    }
}
