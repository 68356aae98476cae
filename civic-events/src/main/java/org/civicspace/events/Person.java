package org.civicspace.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A person named in a report. A {@code protected} person is never named in a notification or
 * an export: they appear by a stable pseudonym.
 */
public record Person(String name, PersonRole role, @JsonProperty("protected") boolean isProtected) {
}
