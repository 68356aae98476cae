package org.civicspace.export.country.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.civicspace.events.CivicusRating;
import org.civicspace.export.domain.IndexEntry;

/**
 * Whether a country's recent violations look like those of a worse rating than its own, and why:
 * a signal for the editor to look, never a change of rating.
 *
 * @param reasons one sentence per rule that fired, with the count and the threshold it crossed
 */
public record Watchlist(boolean candidate, List<String> reasons) {

    public Watchlist {
        reasons = List.copyOf(reasons);
    }

    /**
     * Applies the rules to the reports of the last {@code window} (their index entries). Each rule
     * counts the reports with any of its violation types, a report and its near-duplicates once,
     * confidential ones too (only the number is shown). A rule fires when the count reaches its
     * threshold and the rating it is typical of is worse than {@code current}. No rating, no signal.
     */
    public static Watchlist assess(CivicusRating current, Collection<IndexEntry> recent, Duration window,
            List<WatchlistRule> rules) {
        if (current == null) {
            return new Watchlist(false, List.of());
        }
        List<String> reasons = new ArrayList<>();
        for (WatchlistRule rule : rules) {
            if (rule.typicalOf().compareTo(current) <= 0) {
                continue;
            }
            Set<String> reports = new HashSet<>();
            for (IndexEntry entry : recent) {
                if (entry.violations().stream().anyMatch(rule.violations()::contains)) {
                    reports.add(entry.countedAs());
                }
            }
            if (reports.size() >= rule.atLeast()) {
                reasons.add("%s: %d %s in the last %d days (threshold %d), typical of a country rated %s or worse; rated %s."
                        .formatted(rule.signal(), reports.size(), reports.size() == 1 ? "report" : "reports",
                                window.toDays(), rule.atLeast(), rule.typicalOf().wireName(), current.wireName()));
            }
        }
        return new Watchlist(!reasons.isEmpty(), reasons);
    }
}
