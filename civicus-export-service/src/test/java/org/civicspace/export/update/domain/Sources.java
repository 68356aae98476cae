package org.civicspace.export.update.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.civicspace.events.Classification;
import org.civicspace.events.Freedom;
import org.civicspace.events.Person;
import org.civicspace.events.PersonRole;
import org.civicspace.events.Report;
import org.civicspace.events.ReportClassified;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Source;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;
import org.civicspace.export.domain.ArchivedReport;

/** Archived reports for the update tests, built one field at a time. */
public record Sources(String id, Sensitivity sensitivity, Source source, String title, String url, Instant at,
        Set<Freedom> freedoms, Set<ViolationType> violations, Urgency urgency, List<Person> persons,
        String duplicateOf) {

    public static Sources report(String id, String at) {
        return new Sources(id, Sensitivity.PUBLIC, Source.feed("feed-1"), "Report " + id, "https://news.example/" + id,
                Instant.parse(at), Set.of(Freedom.PEACEFUL_ASSEMBLY), Set.of(ViolationType.PROTESTER_DETAINED),
                Urgency.HIGH, List.of(), null);
    }

    public Sources sensitivity(Sensitivity value) {
        return new Sources(id, value, source, title, url, at, freedoms, violations, urgency, persons, duplicateOf);
    }

    public Sources source(Source value) {
        return new Sources(id, sensitivity, value, title, url, at, freedoms, violations, urgency, persons, duplicateOf);
    }

    public Sources title(String value) {
        return new Sources(id, sensitivity, source, value, url, at, freedoms, violations, urgency, persons, duplicateOf);
    }

    public Sources url(String value) {
        return new Sources(id, sensitivity, source, title, value, at, freedoms, violations, urgency, persons, duplicateOf);
    }

    public Sources freedoms(Freedom... values) {
        return new Sources(id, sensitivity, source, title, url, at, Set.of(values), violations, urgency, persons,
                duplicateOf);
    }

    public Sources violations(ViolationType... values) {
        return new Sources(id, sensitivity, source, title, url, at, freedoms, Set.of(values), urgency, persons,
                duplicateOf);
    }

    public Sources urgency(Urgency value) {
        return new Sources(id, sensitivity, source, title, url, at, freedoms, violations, value, persons, duplicateOf);
    }

    public Sources person(String name, PersonRole role, boolean isProtected) {
        List<Person> more = new ArrayList<>(persons);
        more.add(new Person(name, role, isProtected));
        return new Sources(id, sensitivity, source, title, url, at, freedoms, violations, urgency, more, duplicateOf);
    }

    public Sources duplicateOf(String value) {
        return new Sources(id, sensitivity, source, title, url, at, freedoms, violations, urgency, persons, value);
    }

    public ArchivedReport archived() {
        return ArchivedReport.from(classified("KZ"), at.plusSeconds(60));
    }

    /** The event that archives this report as one about {@code country}. */
    public ReportClassified classified(String country) {
        Report report = new Report(title, "Text of " + id, "en", at, "Almaty", null, url, null, persons);
        Classification classification = new Classification("en", country, List.of(), freedoms, violations, urgency,
                List.of(), "test-1");
        return new ReportClassified(UUID.randomUUID(), at.plusSeconds(30), id, sensitivity, source, report,
                duplicateOf, classification);
    }
}
