package org.civicspace.export.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.civicspace.events.Freedom;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;

/**
 * A search of the archive. Every filter given must hold (AND); so must every keyword: a keyword
 * of three letters or more matches words that start with it, a shorter one only itself.
 *
 * @param from inclusive, or null for no lower bound
 * @param to exclusive, or null for no upper bound
 * @param keywords the query's words, folded like the index's ({@link Tokens})
 * @param page 1 for the first page
 */
public record SearchQuery(String country, Freedom freedom, ViolationType violation, Urgency urgency,
        Instant from, Instant to, List<String> keywords, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Newest first; reports of the same moment by id, so that pages never overlap or skip. */
    public static final Comparator<IndexEntry> NEWEST_FIRST = Comparator.comparing(IndexEntry::at)
            .reversed().thenComparing(IndexEntry::id);

    public SearchQuery {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    /**
     * The query from request parameters as given (any may be null), or an
     * {@link InvalidParametersException} naming every parameter that is wrong. {@code from} and
     * {@code to} are ISO dates ({@code to} counts whole) or instants.
     */
    public static SearchQuery parse(String country, String freedom, String violation, String urgency, String from,
            String to, String q, String page, String size) {
        List<InvalidParametersException.Problem> problems = new ArrayList<>();
        String cc = null;
        if (country != null) {
            cc = CountryCodes.normalise(country);
            if (cc == null) {
                problems.add(new InvalidParametersException.Problem("country",
                        "'" + country + "' is not an ISO 3166-1 alpha-2 country code"));
            }
        }
        Freedom f = parseWire("freedom", freedom, Freedom::fromWire, problems);
        ViolationType v = parseWire("violation", violation, ViolationType::fromWire, problems);
        Urgency u = parseWire("urgency", urgency, Urgency::fromWire, problems);
        Instant start = parseInstant("from", from, false, problems);
        Instant end = parseInstant("to", to, true, problems);
        if (start != null && end != null && !start.isBefore(end)) {
            problems.add(new InvalidParametersException.Problem("from", "must be before 'to'"));
        }
        int p = parseInt("page", page, 1, 1, Integer.MAX_VALUE, problems);
        int s = parseInt("size", size, DEFAULT_SIZE, 1, MAX_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(problems);
        }
        List<String> keywords = q == null ? List.of() : List.copyOf(Tokens.of(q));
        return new SearchQuery(cc, f, v, u, start, end, keywords, p, s);
    }

    /** Whether the report's entry passes the filters (not the keywords, which the index answers). */
    public boolean matches(IndexEntry entry) {
        return (country == null || entry.countries().contains(country))
                && (freedom == null || entry.freedoms().contains(freedom))
                && (violation == null || entry.violations().contains(violation))
                && (urgency == null || entry.urgency() == urgency)
                && (from == null || !entry.at().isBefore(from))
                && (to == null || entry.at().isBefore(to));
    }

    /** The months the date range touches, or null when it is open at either end. */
    public List<YearMonth> months() {
        return months(from, to);
    }

    /** The months from {@code from} (inclusive) to {@code to} (exclusive), or null when either is open. */
    public static List<YearMonth> months(Instant from, Instant to) {
        if (from == null || to == null) {
            return null;
        }
        List<YearMonth> months = new ArrayList<>();
        YearMonth last = YearMonth.from(to.minusNanos(1).atOffset(ZoneOffset.UTC));
        for (YearMonth m = YearMonth.from(from.atOffset(ZoneOffset.UTC)); !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The first result's position in the whole ordered result. */
    public long offset() {
        return (long) (page - 1) * size;
    }

    private static <T> T parseWire(String name, String value, Function<String, T> parse,
            List<InvalidParametersException.Problem> problems) {
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException unknown) {
            problems.add(new InvalidParametersException.Problem(name, unknown.getMessage()));
            return null;
        }
    }

    private static Instant parseInstant(String name, String value, boolean end,
            List<InvalidParametersException.Problem> problems) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException wrong) {
            problems.add(new InvalidParametersException.Problem(name,
                    "'" + value + "' is neither an ISO date (2026-11-01) nor an instant (2026-11-01T10:00:00Z)"));
            return null;
        }
    }

    private static int parseInt(String name, String value, int fallback, int min, int max,
            List<InvalidParametersException.Problem> problems) {
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below like an out-of-range number
        }
        problems.add(new InvalidParametersException.Problem(name, "must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max)));
        return fallback;
    }
}
