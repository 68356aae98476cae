package org.civicspace.alert.domain;

import java.util.Locale;

import org.civicspace.events.Person;
import org.civicspace.events.Report;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Urgency;

/**
 * The one line an alert shows. Only a public report may be quoted; any other says that
 * something new is waiting behind login, and nothing of what it says or whom it names.
 */
public final class Headlines {

    static final int MAX_LENGTH = 200;

    private Headlines() {
    }

    /** The headline of an alert about a report with this sensitivity, country and urgency. */
    public static String of(Sensitivity sensitivity, String country, Urgency urgency, Report report) {
        if (sensitivity == Sensitivity.PUBLIC && report != null && quotable(report)) {
            String title = report.title().strip();
            return title.length() <= MAX_LENGTH ? title : title.substring(0, MAX_LENGTH - 1) + "…";
        }
        String level = sensitivity == null ? Sensitivity.CONFIDENTIAL.wireName() : sensitivity.wireName();
        return "New " + level + " report about " + country + " (" + urgency.wireName() + ") — sign in to read it";
    }

    /** A public title may still name a protected person; then it is not quoted either. */
    private static boolean quotable(Report report) {
        if (report.title() == null || report.title().isBlank()) {
            return false;
        }
        String title = report.title().toLowerCase(Locale.ROOT);
        return report.persons().stream()
                .filter(Person::isProtected)
                .map(Person::name)
                .filter(name -> name != null && !name.isBlank())
                .noneMatch(name -> title.contains(name.strip().toLowerCase(Locale.ROOT)));
    }
}
