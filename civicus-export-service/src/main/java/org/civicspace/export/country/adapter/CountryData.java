package org.civicspace.export.country.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.civicspace.export.country.application.CountryRatingService;
import org.civicspace.export.country.domain.RatingSeed;
import org.civicspace.export.country.domain.WatchlistRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The country data files on the class path: {@code country/watchlist-rules.txt} (read at start; a
 * bad rule stops the start) and {@code country/country-ratings.csv} (seeded at start into countries
 * without a rating).
 */
@Configuration(proxyBeanMethods = false)
class CountryData {

    static final String RULES = "country/watchlist-rules.txt";
    static final String SEEDS = "country/country-ratings.csv";

    private static final Logger log = LoggerFactory.getLogger(CountryData.class);

    @Bean
    List<WatchlistRule> watchlistRules() {
        return WatchlistRule.parse(lines(RULES));
    }

    /**
     * Seeds once per country: a restart, or a country an editor has since rated, changes nothing.
     * A store that does not answer in time leaves seeding to the next start rather than failing this one.
     */
    @Bean
    ApplicationRunner seedCountryRatings(CountryRatingService ratings) {
        List<RatingSeed> seeds = RatingSeed.parse(lines(SEEDS));
        return arguments -> {
            try {
                Long seeded = ratings.seed(seeds).block(Duration.ofSeconds(30));
                log.info("Country ratings: {} of {} seeded countries were new", seeded, seeds.size());
            } catch (RuntimeException unavailable) {
                log.warn("Country ratings were not seeded this time: {}", unavailable.toString());
            }
        };
    }

    private static List<String> lines(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException missing) {
            throw new UncheckedIOException("cannot read " + resource, missing);
        }
    }
}
