package org.civicspace.ingest.domain.feed;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import org.civicspace.ingest.domain.ReportIds;

/**
 * A registered RSS or Atom feed: where it is, what it is about (language and country hints for
 * its items), how often to poll it, and how its polling has gone.
 */
public record Feed(String id, URI url, String title, String language, String country, Duration pollInterval,
        boolean enabled, Instant registeredAt, FeedHealth health) {

    /** Feeds are polled at most every five minutes and at least once a day. */
    public static final Duration SHORTEST_INTERVAL = Duration.ofMinutes(5);
    public static final Duration LONGEST_INTERVAL = Duration.ofDays(1);

    public Feed {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(pollInterval, "pollInterval");
        health = health == null ? FeedHealth.NEVER_POLLED : health;
    }

    /** The id of a feed at {@code url}: registering the same address twice gives the same feed. */
    public static String idFor(URI url) {
        return "f" + ReportIds.of("feed", url.toString().toLowerCase(Locale.ROOT)).substring(1);
    }

    public Feed withHealth(FeedHealth newHealth) {
        return new Feed(id, url, title, language, country, pollInterval, enabled, registeredAt, newHealth);
    }
}
