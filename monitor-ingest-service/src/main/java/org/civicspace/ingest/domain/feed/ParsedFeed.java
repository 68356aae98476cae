package org.civicspace.ingest.domain.feed;

import java.util.List;

/**
 * A feed read successfully: its title, its items (at most the parser's cap, newest kept) and
 * what we had to repair or guess on the way, in plain words (never an item's text).
 */
public record ParsedFeed(String title, List<FeedItem> items, List<String> warnings) {

    public ParsedFeed {
        title = title == null ? "" : title;
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
    }
}
