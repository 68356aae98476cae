package org.civicspace.export.country.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.civicspace.events.CivicusRating;
import org.civicspace.events.ViolationType;

/**
 * A pattern of violations typical of a rating: so many reports, within the window, of any of
 * these violation types are what a country rated {@code typicalOf} (or worse) sees.
 *
 * @param signal the pattern in plain words, as the reason will say it
 */
public record WatchlistRule(String signal, Set<ViolationType> violations, int atLeast, CivicusRating typicalOf) {

    public WatchlistRule {
        violations = Set.copyOf(violations);
    }

    /**
     * The rules in a file of lines {@code signal; violation types, comma-separated; at least; typical of}
     * (blank lines and lines starting with {@code #} skipped). A bad line is an
     * {@link IllegalArgumentException} naming its number.
     */
    public static List<WatchlistRule> parse(List<String> lines) {
        List<WatchlistRule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(";");
            try {
                if (fields.length != 4) {
                    throw new IllegalArgumentException("expected 4 fields separated by ';', found " + fields.length);
                }
                Set<ViolationType> violations = Arrays.stream(fields[1].split(","))
                        .map(String::strip).map(ViolationType::fromWire).collect(Collectors.toUnmodifiableSet());
                int atLeast = Integer.parseInt(fields[2].strip());
                if (atLeast < 1) {
                    throw new IllegalArgumentException("the threshold must be at least 1");
                }
                rules.add(new WatchlistRule(fields[0].strip(), violations, atLeast,
                        CivicusRating.fromWire(fields[3].strip())));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("line " + (i + 1) + " of the watchlist rules: " + bad.getMessage(),
                        bad);
            }
        }
        return List.copyOf(rules);
    }
}
