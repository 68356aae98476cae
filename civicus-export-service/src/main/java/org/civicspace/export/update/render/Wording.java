package org.civicspace.export.update.render;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.civicspace.events.CivicusRating;
import org.civicspace.events.Freedom;
import org.civicspace.events.ViolationType;
import org.civicspace.export.update.domain.Footnote;
import org.civicspace.export.update.domain.UpdateDocument;
import org.civicspace.export.update.domain.UpdateStatus;

/**
 * The words the html, docx, pdf and csv exports put around an update's own texts, in English,
 * the language of the updates: labels, dates, the period, the rating, the internal marking and
 * how a source is cited. Every document text that passes through here is {@link SafeText#line cleaned}.
 */
final class Wording {

    static final String INTERNAL = "INTERNAL: contains restricted sources. Not for publication.";
    static final String SOURCES = "Sources";
    static final String NOTHING_RECORDED = "No developments were recorded in this period.";
    static final String CHART_TITLE = "Reports per month and freedom";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private Wording() {
    }

    /** The headline, or a plain title when an editor has left it empty. */
    static String title(UpdateDocument document) {
        String headline = SafeText.line(document.headline());
        return headline.isEmpty() ? "Civic space update: " + country(document) : headline;
    }

    static String country(UpdateDocument document) {
        String name = SafeText.line(document.countryName());
        return name.isEmpty() ? SafeText.line(document.country()) : name;
    }

    static String date(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** "1 October 2026 – 31 October 2026". */
    static String period(UpdateDocument document) {
        return date(document.from()) + " – " + date(document.to());
    }

    static String rating(CivicusRating rating) {
        return rating == null ? "not rated" : capitalised(rating.wireName());
    }

    static String status(UpdateStatus status) {
        return status == null ? "" : capitalised(status.wireName().replace('_', ' '));
    }

    /** "Country: Kazakhstan · Period: … · Rating: Repressed" — what a reader needs before the text. */
    static String facts(UpdateDocument document) {
        return "Country: " + country(document) + " · Period: " + period(document)
                + " · Rating: " + rating(document.rating());
    }

    /** "Draft, version 3, edited 22 November 2026" — which version this is; who edited it stays inside. */
    static String version(UpdateDocument document) {
        List<String> parts = new ArrayList<>();
        if (document.status() != null) {
            parts.add(status(document.status()));
        }
        parts.add("version " + document.version());
        if (document.editedAt() != null) {
            parts.add("edited " + date(LocalDate.ofInstant(document.editedAt(), ZoneOffset.UTC)));
        }
        return String.join(", ", parts);
    }

    static String freedom(Freedom freedom) {
        return switch (freedom) {
            case ASSOCIATION -> "Association";
            case PEACEFUL_ASSEMBLY -> "Peaceful assembly";
            case EXPRESSION -> "Expression";
        };
    }

    static String violation(ViolationType type) {
        return switch (type) {
            case HRD_DETAINED -> "Human rights defender detained";
            case JOURNALIST_DETAINED -> "Journalist detained";
            case JOURNALIST_ATTACKED -> "Journalist attacked";
            case PROTESTER_DETAINED -> "Protesters detained";
            case EXCESSIVE_FORCE -> "Excessive force";
            case PROTEST_BANNED_OR_DISRUPTED -> "Protest banned or disrupted";
            case CENSORSHIP -> "Censorship";
            case INTERNET_SHUTDOWN -> "Internet shutdown";
            case RESTRICTIVE_LAW -> "Restrictive law";
            case NGO_CLOSURE_OR_RAID -> "NGO closed or raided";
            case FOREIGN_AGENT_LABEL -> "Foreign agent label";
            case JUDICIAL_HARASSMENT -> "Judicial harassment";
            case TRAVEL_BAN -> "Travel ban";
            case TORTURE_ILL_TREATMENT -> "Torture or ill-treatment";
            case KILLING -> "Killing";
            case ENFORCED_DISAPPEARANCE -> "Enforced disappearance";
            case SURVEILLANCE -> "Surveillance";
            case INTIMIDATION_THREATS -> "Intimidation and threats";
            case POSITIVE_DEVELOPMENT -> "Positive development";
        };
    }

    /** The types in the taxonomy's order, so every export lists them alike. */
    static List<ViolationType> ordered(Set<ViolationType> types) {
        return types.stream().sorted(Comparator.naturalOrder()).toList();
    }

    static String violations(Set<ViolationType> types) {
        return ordered(types).stream().map(Wording::violation).collect(Collectors.joining(", "));
    }

    /** The update's sources by their number, as developments cite them. */
    static Map<Integer, Footnote> sources(UpdateDocument document) {
        Map<Integer, Footnote> byNumber = new LinkedHashMap<>();
        document.footnotes().forEach(footnote -> byNumber.putIfAbsent(footnote.number(), footnote));
        return byNumber;
    }

    /** "Title — Publisher, 3 October 2026": the source without its link, each part only when known. */
    static String citation(Footnote footnote) {
        String title = SafeText.line(footnote.title());
        String publisher = SafeText.line(footnote.publisher());
        String date = date(footnote.date());
        StringBuilder text = new StringBuilder(title.isEmpty() ? "Untitled source" : title);
        if (!publisher.isEmpty()) {
            text.append(" — ").append(publisher);
        }
        if (!date.isEmpty()) {
            text.append(publisher.isEmpty() ? " — " : ", ").append(date);
        }
        return text.toString();
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
