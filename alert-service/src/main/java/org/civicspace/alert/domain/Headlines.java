package org.civicspace.alert.domain;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civicspace.alert.domain.incident.NameKey;
import org.civicspace.alert.domain.incident.Pseudonyms;
import org.civicspace.events.Person;
import org.civicspace.events.Report;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Urgency;

/**
 * The one line an alert shows. Only a public report may be quoted, and a person it marks
 * protected appears in it by pseudonym; any other report says that something new is waiting
 * behind login, and nothing of what it says or whom it names.
 */
public final class Headlines {

    static final int MAX_LENGTH = 200;
    /** A word of a name in any of its inflected forms: "Иванов", "Иванова", "Иванову". */
    private static final int MAX_ENDING = 3;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}'’-]+");

    private Headlines() {
    }

    /** The headline of an alert about a report with this sensitivity, country and urgency. */
    public static String of(Sensitivity sensitivity, String country, Urgency urgency, Report report,
            Pseudonyms pseudonyms) {
        if (sensitivity == Sensitivity.PUBLIC && report != null && report.title() != null
                && !report.title().isBlank()) {
            String title = withPseudonyms(report.title().strip(), report.persons(), pseudonyms);
            return title.length() <= MAX_LENGTH ? title : title.substring(0, MAX_LENGTH - 1) + "…";
        }
        return waiting(sensitivity, country, urgency);
    }

    /** The sentence that announces a report without quoting it. */
    public static String waiting(Sensitivity sensitivity, String country, Urgency urgency) {
        String level = sensitivity == null ? Sensitivity.CONFIDENTIAL.wireName() : sensitivity.wireName();
        return "New " + level + " report about " + country + " (" + urgency.wireName() + ") — sign in to read it";
    }

    /**
     * Replaces every run of words that spell a protected person's name, in Latin or Cyrillic and
     * with a case ending, by that person's pseudonym.
     */
    static String withPseudonyms(String title, List<Person> persons, Pseudonyms pseudonyms) {
        List<Person> hidden = persons.stream()
                .filter(p -> p.isProtected() && p.name() != null && !NameKey.of(p.name()).isEmpty())
                .toList();
        if (hidden.isEmpty()) {
            return title;
        }
        StringBuilder out = new StringBuilder();
        Matcher word = WORD.matcher(title);
        int copied = 0;
        Person spelling = null;
        while (word.find()) {
            Person named = named(word.group(), hidden);
            if (named == null) {
                spelling = null;
            } else if (named == spelling && title.substring(copied, word.start()).isBlank()) {
                copied = word.end();
            } else {
                out.append(title, copied, word.start()).append(pseudonyms.pseudonymOf(named.name()));
                copied = word.end();
                spelling = named;
            }
        }
        return out.append(title, copied, title.length()).toString();
    }

    private static Person named(String word, List<Person> hidden) {
        String token = NameKey.token(word);
        if (token.length() < 2) {
            return null;
        }
        for (Person person : hidden) {
            for (String part : NameKey.of(person.name()).tokens()) {
                if (token.equals(part) || inflected(token, part)) {
                    return person;
                }
            }
        }
        return null;
    }

    /**
     * True when {@code token} may be {@code part} with another case ending: "nurovu", "nurovoi",
     * "nurovas" for "nurova". They share all of the name but its last two letters, and differ in
     * length by at most {@link #MAX_ENDING}.
     */
    private static boolean inflected(String token, String part) {
        if (part.length() < 4 || Math.abs(token.length() - part.length()) > MAX_ENDING) {
            return false;
        }
        int stem = Math.max(4, part.length() - 2);
        return token.length() >= stem && token.regionMatches(0, part, 0, stem);
    }
}
