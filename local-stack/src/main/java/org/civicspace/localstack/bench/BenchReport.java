package org.civicspace.localstack.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civicspace.events.Hints;
import org.civicspace.events.Person;
import org.civicspace.events.PersonRole;
import org.civicspace.events.Report;

import tools.jackson.databind.json.JsonMapper;

/** One invented partner report of the benchmark, naming one person ({@code person}, with a {@code role}). */
public record BenchReport(String country, String language, String title, String text, String place,
        String partnerReference, String person, String role, boolean isProtected, String sensitivity,
        Instant occurredAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The report as the events carry it. */
    public Report toReport() {
        return new Report(title, text, language, occurredAt, place, partnerReference, null, new Hints(country, null),
                List.of(new Person(person, PersonRole.fromWire(role), isProtected)));
    }

    /** The body of {@code POST /api/v1/reports}, one line of an NDJSON batch. */
    public String json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("text", text);
        body.put("language", language);
        body.put("occurredAt", occurredAt.toString());
        body.put("place", place);
        body.put("partnerReference", partnerReference);
        body.put("sensitivity", sensitivity);
        body.put("hints", Map.of("country", country));
        body.put("persons", List.of(Map.of("name", person, "role", role, "protected", isProtected)));
        return JSON.writeValueAsString(body);
    }
}
