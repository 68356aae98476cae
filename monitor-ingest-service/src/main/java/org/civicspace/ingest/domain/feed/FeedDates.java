package org.civicspace.ingest.domain.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dates as feeds write them: RFC 822 and ISO 8601 as the specifications say, and the usual
 * deviations (no weekday or seconds, two-digit years, named zones, {@code 05.03.2025 10:15},
 * English and Russian month names, Russian weekdays). A date without a zone is taken as UTC.
 */
final class FeedDates {

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final List<String> ENGLISH_MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");
    // stems that every case of a Russian month name starts with (марта, мар., май, мая, …)
    private static final List<String> RUSSIAN_MONTHS = List.of("янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек");
    private static final List<String> ENGLISH_WEEKDAYS = List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    private static final List<String> RUSSIAN_WEEKDAYS = List.of("пн", "вт", "ср", "чт", "пт", "сб", "вс",
            "понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресенье");
    private static final List<String> FILLERS = List.of("г", "года", "в", "at");
    // the zone names RFC 822 allows, and Moscow's, which Russian feeds use
    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("z", "+0000"), Map.entry("ut", "+0000"), Map.entry("utc", "+0000"), Map.entry("gmt", "+0000"),
            Map.entry("est", "-0500"), Map.entry("edt", "-0400"), Map.entry("cst", "-0600"), Map.entry("cdt", "-0500"),
            Map.entry("mst", "-0700"), Map.entry("mdt", "-0600"), Map.entry("pst", "-0800"), Map.entry("pdt", "-0700"),
            Map.entry("msk", "+0300"), Map.entry("мск", "+0300"));
    private static final Pattern COLON_OFFSET = Pattern.compile("([+-]\\d{2}):(\\d{2})");
    private static final Pattern ISO_ZONE_GAP = Pattern.compile(" +(?=[+-]\\d{2}:?\\d{2}$|[zZ]$)");
    private static final Pattern ISO_BARE_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");
    private static final Pattern ISO_LIKE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ]\\d{1,2}:\\d{2}.*)?", Pattern.CASE_INSENSITIVE);
    private static final List<DateTimeFormatter> FORMATS = formats(
            "d MMM uuuu H:mm[:ss][ Z]", "d MMM uu H:mm[:ss][ Z]", "d MMM uuuu",
            "MMM d uuuu h:mm[:ss] a[ Z]", "MMM d uuuu H:mm[:ss][ Z]", "MMM d uuuu",
            "d.M.uuuu H:mm[:ss][ Z]", "d.M.uuuu", "uuuu/M/d H:mm[:ss][ Z]", "uuuu/M/d",
            "uuuu-M-d H:mm[:ss][ Z]", "uuuu-M-d");

    private FeedDates() {
    }

    static Optional<Instant> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String date = raw.strip();
        if (ISO_LIKE.matcher(date).matches()) {
            Optional<Instant> iso = iso(date);
            if (iso.isPresent()) {
                return iso;
            }
        }
        String words = words(date);
        for (DateTimeFormatter format : FORMATS) {
            try {
                TemporalAccessor parsed = format.parseBest(words, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
                return Optional.of(instant(parsed));
            } catch (DateTimeParseException tryTheNext) {
                // the next format may fit
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> iso(String date) {
        String spaced = ISO_ZONE_GAP.matcher(date.replaceFirst("^(\\S+) +", "$1T")).replaceAll("");
        spaced = ISO_BARE_OFFSET.matcher(spaced).replaceFirst("$1:$2").toUpperCase(Locale.ROOT);
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(spaced,
                    OffsetDateTime::from, LocalDateTime::from);
            return Optional.of(instant(parsed));
        } catch (DateTimeParseException notIso) {
            try {
                return Optional.of(instant(LocalDate.parse(spaced)));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static Instant instant(TemporalAccessor parsed) {
        if (parsed instanceof OffsetDateTime zoned) {
            return zoned.toInstant();
        }
        if (parsed instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return ((LocalDate) parsed).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The date in the words our formats know: month names as {@code mar}, no weekday, numeric zones. */
    private static String words(String date) {
        String spaced = COLON_OFFSET.matcher(date.toLowerCase(Locale.ROOT)).replaceAll("$1$2").replace(',', ' ');
        List<String> words = new ArrayList<>();
        for (String word : spaced.split("\\s+")) {
            String bare = word.endsWith(".") && !word.matches(".*\\d.*") ? word.substring(0, word.length() - 1) : word;
            if (bare.isEmpty() || FILLERS.contains(bare) || isWeekday(bare)) {
                continue;
            }
            words.add(month(bare).orElse(ZONES.getOrDefault(bare, bare)));
        }
        return String.join(" ", words);
    }

    private static Optional<String> month(String word) {
        for (int m = 0; m < 12; m++) {
            boolean english = word.length() >= 3 && ENGLISH_MONTHS.get(m).startsWith(word);
            boolean russian = word.startsWith(RUSSIAN_MONTHS.get(m)) && (m != 4 || word.matches("ма[йя]"));
            if (english || russian) {
                return Optional.of(MONTHS.get(m));
            }
        }
        return Optional.empty();
    }

    private static boolean isWeekday(String word) {
        if (word.length() >= 3 && ENGLISH_WEEKDAYS.stream().anyMatch(day -> day.startsWith(word))) {
            return true;
        }
        return RUSSIAN_WEEKDAYS.stream().anyMatch(day -> day.length() == 2 ? word.equals(day) : word.startsWith(day));
    }

    private static List<DateTimeFormatter> formats(String... patterns) {
        List<DateTimeFormatter> formats = new ArrayList<>();
        for (String pattern : patterns) {
            formats.add(new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                    .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT));
        }
        return formats;
    }
}
