package org.civicspace.classification.domain;

import org.civicspace.events.Evidence;

/** A phrase found in a field, from its first word to its last word (both included). */
record Match<L>(L label, TextField field, int firstWord, int lastWord) {

    int start() {
        return field.start(firstWord);
    }

    int end() {
        return field.end(lastWord);
    }

    int sentence() {
        return field.sentence(firstWord);
    }

    /** The words as matched: lower case, ё as е. */
    String foldedWords() {
        return field.folded(start(), end());
    }

    Evidence evidence() {
        return field.evidence(start(), end());
    }

    <M> Match<M> relabel(M newLabel) {
        return new Match<>(newLabel, field, firstWord, lastWord);
    }
}
