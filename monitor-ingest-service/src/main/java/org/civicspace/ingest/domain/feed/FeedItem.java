package org.civicspace.ingest.domain.feed;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One item of a feed, as clean text. {@code identity} is stable (see {@link ItemIdentity});
 * {@code guid}, {@code link} and {@code language} (a primary subtag such as {@code ru}) may be
 * null; {@code title} and {@code text} are never null, maybe empty. When the feed gave no
 * usable date, {@code publishedAt} is the time of fetching and {@code dateMissing} is true.
 */
public record FeedItem(
        String identity,
        String guid,
        URI link,
        String title,
        String text,
        Instant publishedAt,
        boolean dateMissing,
        String language) {

    public FeedItem {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(publishedAt, "publishedAt");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }
}
