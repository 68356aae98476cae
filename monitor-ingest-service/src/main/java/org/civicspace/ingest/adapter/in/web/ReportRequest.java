package org.civicspace.ingest.adapter.in.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.civicspace.events.Freedom;
import org.civicspace.events.Hints;
import org.civicspace.events.Person;
import org.civicspace.events.PersonRole;
import org.civicspace.events.Report;
import org.civicspace.events.Sensitivity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /api/v1/reports}, with the limits a partner is told about. A title and a
 * text need a letter or a digit: blanks and control characters alone say nothing.
 */
record ReportRequest(
        @NotBlank @Size(max = 500)
        @Pattern(regexp = "(?s)[^\\p{L}\\p{N}]*[\\p{L}\\p{N}].*", message = "must contain a letter or a digit")
        String title,
        @NotBlank @Size(max = 100_000)
        @Pattern(regexp = "(?s)[^\\p{L}\\p{N}]*[\\p{L}\\p{N}].*", message = "must contain a letter or a digit")
        String text,
        @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code such as en or ru") String language,
        @PastOrPresent(message = "must not be in the future") Instant occurredAt,
        @Size(max = 200) String place,
        @Size(max = 200) String partnerReference,
        @Size(max = 2_000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String sourceUrl,
        Sensitivity sensitivity,
        @Valid HintsRequest hints,
        @Size(max = 100) List<@Valid @NotNull PersonRequest> persons) {

    record HintsRequest(
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as KZ") String country,
            Set<@NotNull Freedom> freedoms) {
    }

    /** A person; one whose {@code protected} flag is left out is protected, since a missing flag must never expose anyone. */
    record PersonRequest(@NotBlank @Size(max = 200) String name, PersonRole role,
            @JsonProperty("protected") Boolean isProtected) {
    }

    Report toReport() {
        Hints declared = hints == null ? null : new Hints(hints.country(), hints.freedoms());
        List<Person> named = persons == null ? List.of()
                : persons.stream().map(p -> new Person(p.name().strip(), p.role(), !Boolean.FALSE.equals(p.isProtected()))).toList();
        return new Report(title.strip(), text.strip(), language, occurredAt, place, partnerReference, sourceUrl,
                declared, named);
    }
}
