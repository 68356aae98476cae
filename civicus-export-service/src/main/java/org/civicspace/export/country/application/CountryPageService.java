package org.civicspace.export.country.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.civicspace.export.ExportProperties;
import org.civicspace.export.application.ArchiveQueries;
import org.civicspace.export.country.domain.Watchlist;
import org.civicspace.export.country.domain.WatchlistRule;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** Puts a country's page together from its rating and the archive's index. */
@Service
public class CountryPageService {

    static final int MONTHS = 12;

    private final CountryRatings ratings;
    private final ArchiveQueries archive;
    private final List<WatchlistRule> rules;
    private final Duration window;
    private final Clock clock;

    CountryPageService(CountryRatings ratings, ArchiveQueries archive, List<WatchlistRule> watchlistRules,
            ExportProperties properties, Clock clock) {
        this.ratings = ratings;
        this.archive = archive;
        this.rules = watchlistRules;
        this.window = properties.watchlistWindow();
        this.clock = clock;
    }

    public Mono<CountryPage> page(String country) {
        Instant now = clock.instant();
        YearMonth thisMonth = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        return ratings.find(country).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(rating -> Mono.zip(
                        archive.monthlyCounts(country, thisMonth.minusMonths(MONTHS - 1), thisMonth),
                        archive.entries(country, now.minus(window), now).collectList())
                        .map(found -> new CountryPage(country, rating.orElse(null), found.getT1(),
                                Watchlist.assess(rating.map(r -> r.rating()).orElse(null), found.getT2(), window,
                                        rules))));
    }
}
