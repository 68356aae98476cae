package org.civicspace.export.country.adapter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civicspace.events.CivicusRating;
import org.civicspace.events.Freedom;
import org.civicspace.export.country.application.CountryPage;
import org.civicspace.export.country.application.CountryPageService;
import org.civicspace.export.country.application.CountryRatingService;
import org.civicspace.export.country.domain.CountryRating;
import org.civicspace.export.country.domain.RatingChange;
import org.civicspace.export.country.domain.RatingUpdate;
import org.civicspace.export.domain.CountryCodes;
import org.civicspace.export.domain.MonthlyCount;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** Country ratings with their history, and the country page. Codes are ISO 3166-1 alpha-2, any case. */
@RestController
@RequestMapping("/api/v1/countries/{cc}")
class CountriesController {

    private final CountryRatingService ratings;
    private final CountryPageService pages;

    CountriesController(CountryRatingService ratings, CountryPageService pages) {
        this.ratings = ratings;
        this.pages = pages;
    }

    /** {@code {country, rating, since, note, history: [{from, to, by, at, reason}]}}. */
    @GetMapping("/rating")
    Mono<RatingView> rating(@PathVariable String cc) {
        return country(cc).flatMap(country -> ratings.rating(country)
                .switchIfEmpty(Mono.error(() -> notFound("No rating yet",
                        "Country " + country + " has not been rated; an editor may rate it with PUT."))))
                .map(RatingView::of);
    }

    /** Body {@code {rating, reason}}; the change is recorded as the caller's (the JWT subject). */
    @PutMapping("/rating")
    Mono<RatingView> rate(@PathVariable String cc, @RequestBody(required = false) RatingRequest body,
            JwtAuthenticationToken authentication) {
        return country(cc)
                .flatMap(country -> Mono.fromCallable(() -> body == null ? RatingUpdate.parse(null, null)
                        : RatingUpdate.parse(body.rating(), body.reason()))
                        .flatMap(update -> ratings.rate(country, update, authentication.getToken().getSubject())))
                .map(RatingView::of);
    }

    /** The rating, reports per freedom per month for the last twelve months, and the watchlist signal. */
    @GetMapping
    Mono<PageView> page(@PathVariable String cc) {
        return country(cc).flatMap(pages::page).map(PageView::of);
    }

    @ExceptionHandler
    ProblemDetail conflict(CountryRatingService.RatingConflictException conflict) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
        problem.setTitle("Rating changed meanwhile");
        return problem;
    }

    private static Mono<String> country(String cc) {
        String country = CountryCodes.normalise(cc);
        return CountryCodes.isCountry(country) ? Mono.just(country)
                : Mono.error(notFound("Unknown country", "'" + cc + "' is not an ISO 3166-1 alpha-2 country code."));
    }

    private static ErrorResponseException notFound(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle(title);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    record RatingRequest(String rating, String reason) {
    }

    record RatingView(String country, CivicusRating rating, Integer since, String note, List<RatingChange> history) {

        static RatingView of(CountryRating rating) {
            return new RatingView(rating.country(), rating.rating(), rating.since(), rating.note(), rating.history());
        }
    }

    /** Freedoms by their wire names, so the JSON keys read {@code peaceful_assembly}, as everywhere else. */
    record MonthView(String month, int reports, Map<String, Integer> byFreedom) {

        static MonthView of(MonthlyCount count) {
            Map<String, Integer> byFreedom = new LinkedHashMap<>();
            for (Freedom freedom : Freedom.values()) {
                byFreedom.put(freedom.wireName(), count.byFreedom().get(freedom));
            }
            return new MonthView(count.month().toString(), count.reports(), byFreedom);
        }
    }

    record WatchlistView(boolean candidate, List<String> reasons) {
    }

    record PageView(String country, RatingView rating, List<MonthView> months, WatchlistView watchlist) {

        static PageView of(CountryPage page) {
            return new PageView(page.country(), page.rating() == null ? null : RatingView.of(page.rating()),
                    page.months().stream().map(MonthView::of).toList(),
                    new WatchlistView(page.watchlist().candidate(), page.watchlist().reasons()));
        }
    }
}
