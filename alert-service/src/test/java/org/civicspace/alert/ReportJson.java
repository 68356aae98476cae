package org.civicspace.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A {@code ReportClassified} in the wire format, built up field by field for a test. */
final class ReportJson {

    private final String reportId;
    private final String country;
    private String urgency = "high";
    private String sensitivity = "public";
    private String title = "Activist detained";
    private String text = "Police detained an activist.";
    private String sourceKind = "partner";
    private String source = "partner-a";
    private String occurredAt = "2026-11-20T08:00:00Z";
    private String duplicateOf;
    private List<String> violations = List.of("hrd_detained");
    private final List<String> persons = new ArrayList<>();
    private final List<String> entities = new ArrayList<>();

    private ReportJson(String reportId, String country) {
        this.reportId = reportId;
        this.country = country;
    }

    static ReportJson report(String reportId, String country) {
        return new ReportJson(reportId, country);
    }

    ReportJson urgency(String value) {
        urgency = value;
        return this;
    }

    ReportJson sensitivity(String value) {
        sensitivity = value;
        return this;
    }

    ReportJson title(String value) {
        title = value;
        return this;
    }

    ReportJson text(String value) {
        text = value;
        return this;
    }

    ReportJson fromFeed(String feedId) {
        sourceKind = "feed";
        source = feedId;
        return this;
    }

    ReportJson fromPartner(String user) {
        sourceKind = "partner";
        source = user;
        return this;
    }

    ReportJson occurredAt(String instant) {
        occurredAt = instant;
        return this;
    }

    ReportJson duplicateOf(String reportId) {
        duplicateOf = reportId;
        return this;
    }

    ReportJson violations(String... types) {
        violations = List.of(types);
        return this;
    }

    ReportJson person(String name, boolean isProtected) {
        persons.add("{\"name\": \"%s\", \"role\": \"activist\", \"protected\": %s}".formatted(name, isProtected));
        return this;
    }

    /** What the classifier found: {@code kind} is {@code person}, {@code organisation} or {@code place}. */
    ReportJson entity(String kind, String name) {
        entities.add("{\"kind\": \"%s\", \"name\": \"%s\", \"evidence\": []}".formatted(kind, name));
        return this;
    }

    String json() {
        String sourceJson = sourceKind.equals("feed")
                ? "{\"kind\": \"feed\", \"submittedBy\": null, \"feedId\": \"" + source + "\"}"
                : "{\"kind\": \"partner\", \"submittedBy\": \"" + source + "\", \"feedId\": null}";
        return """
                {"eventId": "%s", "occurredAt": "2026-11-20T09:00:00Z", "reportId": "%s", "sensitivity": "%s",
                 "source": %s,
                 "report": {"title": "%s", "text": "%s", "language": "en", "occurredAt": "%s",
                            "place": null, "partnerReference": null, "sourceUrl": null, "hints": null,
                            "persons": [%s]},
                 "duplicateOf": %s,
                 "classification": {"language": "en", "country": "%s", "otherCountries": [],
                                    "freedoms": ["association"], "violationTypes": [%s],
                                    "urgency": "%s", "tags": [], "classifierVersion": "test",
                                    "entities": [%s]}}
                """.formatted(UUID.randomUUID(), reportId, sensitivity, sourceJson, title, text, occurredAt,
                String.join(", ", persons), duplicateOf == null ? "null" : "\"" + duplicateOf + "\"", country,
                String.join(", ", violations.stream().map(v -> "\"" + v + "\"").toList()), urgency,
                String.join(", ", entities));
    }
}
