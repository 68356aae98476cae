package org.civicspace.classification.domain;

import org.civicspace.events.Hints;

/** A report as the classifier reads it: a missing title or text is empty; {@code language} and {@code hints} may be null. */
public record Document(String title, String text, String language, Hints hints) {

    public Document {
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }
}
