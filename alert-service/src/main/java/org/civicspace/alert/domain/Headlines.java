package org.civicspace.alert.domain;

import java.util.ArrayList;
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
        String pending = null;
        List<int[]> run = new ArrayList<>();
        while (word.find()) {
            Person named = named(word.group(), hidden);
            boolean joinsRun = named != null && pending != null && title.substring(run.get(run.size() - 1)[1],
                    word.start()).isBlank();
            if (named != null && !joinsRun) {
                copied = flush(out, title, copied, run, pending);
                pending = pseudonyms.pseudonymOf(named.name());
                run.clear();
            } else if (named == null) {
                copied = flush(out, title, copied, run, pending);
                pending = null;
                run.clear();
                continue;
            }
            run.add(new int[] {word.start(), word.end()});
        }
        copied = flush(out, title, copied, run, pending);
        return out.append(title, copied, title.length()).toString();
    }

    private static int flush(StringBuilder out, String title, int copied, List<int[]> run, String pseudonym) {
        if (run.isEmpty()) {
            return copied;
        }
        out.append(title, copied, run.get(0)[0]).append(pseudonym);
        return run.get(run.size() - 1)[1];
    }

    private static Person named(String word, List<Person> hidden) {
        String token = NameKey.token(word);
        if (token.length() < 2) {
            return null;
        }
        for (Person person : hidden) {
            for (String part : NameKey.of(person.name()).tokens()) {
                if (token.equals(part) || part.length() >= 4 && token.startsWith(part)
                        && token.length() - part.length() <= MAX_ENDING) {
                    return person;
                }
            }
        }
        return null;
    }
}
