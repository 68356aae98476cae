package org.civicspace.events;

import java.time.Instant;
import java.util.List;

/**
 * The content of a report as submitted or fetched. {@code occurredAt} is when the reported
 * event happened, if known; {@code language} is the submitter's or the feed's declaration.
 */
public record Report(
        String title,
        String text,
        String language,
        Instant occurredAt,
        String place,
        String partnerReference,
        String sourceUrl,
        Hints hints,
        List<Person> persons) {

    public Report {
        persons = persons == null ? List.of() : List.copyOf(persons);
    }
}
