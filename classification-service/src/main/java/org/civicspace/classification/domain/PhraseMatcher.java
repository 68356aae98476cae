package org.civicspace.classification.domain;

import java.util.List;

/**
 * Finds listed phrases in a field, each with a label. A phrase is matched word by word, on word
 * boundaries and case-insensitively; {@code stem*} matches any word that starts with the stem,
 * and {@code ...} between two words lets up to {@value #MAX_GAP} other words of the same
 * sentence stand between them, {@code …} (one character) as many but within one clause (no comma
 * between: "detained two suspects, the blogger said" is no blogger detained), {@code ~} up to
 * {@value #LONG_GAP} (a victim named in a long clause: "journalist X, who covered the rally, was
 * detained"). The phrases are one lexicon of a {@link PhraseTrie}, which may hold others: a field
 * is scanned once for all of them, and the scan is kept with the field.
 */
final class PhraseMatcher<L> {

    static final int MAX_GAP = 4;
    /** How many words {@code ~} lets stand between two words: most of a clause. */
    static final int LONG_GAP = 16;
    static final int MIN_STEM = 3;
    static final String GAP = "...";
    static final String CLAUSE_GAP = "…";
    static final String LONG = "~";

    private final PhraseTrie trie;
    private final int lexicon;

    /**
     * A matcher with a trie of its own.
     *
     * @param oneLabelPerSpan when true, overlapping matches of different labels are resolved to
     *     the leftmost longest one (a place name belongs to one country); when false, only
     *     overlapping matches of the same label are merged.
     */
    PhraseMatcher(boolean oneLabelPerSpan) {
        this(new PhraseTrie(), oneLabelPerSpan);
    }

    /** A matcher whose phrases share {@code trie} with other matchers' (see {@link #PhraseMatcher(boolean)}). */
    PhraseMatcher(PhraseTrie trie, boolean oneLabelPerSpan) {
        this.trie = trie;
        this.lexicon = trie.newLexicon(oneLabelPerSpan);
    }

    /** A new matcher in the same trie as this one. */
    <M> PhraseMatcher<M> sibling(boolean oneLabelPerSpan) {
        return new PhraseMatcher<>(trie, oneLabelPerSpan);
    }

    /** Adds a phrase; an {@link IllegalArgumentException} says what is wrong with it. */
    PhraseMatcher<L> add(L label, String phrase) {
        trie.add(lexicon, label, phrase);
        return this;
    }

    /** All matches in the field, in text order, overlaps resolved; the list is not to be changed. */
    @SuppressWarnings("unchecked")
    List<Match<L>> find(TextField field) {
        return (List<Match<L>>) (List<?>) field.scannedBy(trie).of(lexicon);
    }
}
