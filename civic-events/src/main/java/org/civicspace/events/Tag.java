package org.civicspace.events;

import java.util.List;

/**
 * One classifier tag: its {@code kind} ({@code country}, {@code freedom}, {@code violation},
 * {@code urgency}, {@code language}), its wire {@code value}, how sure the classifier is, whether
 * it came from the submitter's hints, and the evidence that made it.
 */
public record Tag(String kind, String value, double confidence, boolean fromHint, List<Evidence> evidence) {

    public Tag {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
