package org.civicspace.classification.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The phrases of many lists ("lexicons": countries, freedoms, violation phrases, their exclusions,
 * urgency cues…) in one character trie, each phrase carrying its lexicon and label, so that a field
 * is read once whatever the number of lists: {@link #scan} finds every list's matches in one pass,
 * and {@link PhraseMatcher} hands each list its own. All phrases are added before the first scan.
 */
final class PhraseTrie {

    /** What may stand between the words of one chunk of a phrase: "Nur-Sultan", "U.S.", "Georgia's". */
    private static final String JOINERS = " -.'’";

    private static final int OPENING_BITS = 16;
    private static final char NO_SECOND_LETTER = '\uFFFF';

    private final Node root = new Node();
    /**
     * The first two letters of every phrase's first word, as bits: a word whose first two letters
     * are not set here starts no phrase, and is passed over without walking the trie. Most are.
     */
    private final long[] openings = new long[(1 << OPENING_BITS) / Long.SIZE];
    /** Per lexicon: whether overlapping matches of different labels are resolved to one. */
    private final List<Boolean> oneLabelPerSpan = new ArrayList<>();

    /** A new, empty lexicon in this trie; answers its number. */
    int newLexicon(boolean oneLabelPerSpan) {
        this.oneLabelPerSpan.add(oneLabelPerSpan);
        return this.oneLabelPerSpan.size() - 1;
    }

    /** Adds a phrase to a lexicon; an {@link IllegalArgumentException} says what is wrong with it. */
    void add(int lexicon, Object label, String phrase) {
        Phrase parsed = Phrase.parse(lexicon, label, phrase);
        char[] first = parsed.words[0];
        int opening = opening(first[0], first.length > 1 ? first[1] : NO_SECOND_LETTER);
        openings[opening >>> 6] |= 1L << opening;
        Node node = root;
        for (char c : first) {
            node = node.childOrNew(c);
        }
        if (parsed.stems[0]) {
            node.stemPhrases.add(parsed);
        } else {
            node.wordPhrases.add(parsed);
        }
    }

    /** Every lexicon's matches in the field, in one pass. */
    Scan scan(TextField field) {
        @SuppressWarnings("unchecked")
        List<Match<Object>>[] found = new List[oneLabelPerSpan.size()];
        for (int word = 0; word < field.size(); word++) {
            int start = field.start(word);
            int end = field.end(word);
            int opening = opening(field.folded(start), end - start > 1 ? field.folded(start + 1) : NO_SECOND_LETTER);
            if ((openings[opening >>> 6] & 1L << opening) == 0) {
                continue;
            }
            Node node = root;
            for (int c = start; c < end; c++) {
                node = node.child(field.folded(c));
                if (node == null) {
                    break;
                }
                // most nodes hold no phrase: skip the call (and its iterator) for them, it is the inner loop
                if (!node.stemPhrases.isEmpty()) {
                    collect(node.stemPhrases, field, word, found);
                }
                if (c + 1 == end && !node.wordPhrases.isEmpty()) {
                    collect(node.wordPhrases, field, word, found);
                }
            }
        }
        return new Scan(found);
    }

    private static int opening(char first, char second) {
        return (first * 31 + second) & ((1 << OPENING_BITS) - 1);
    }

    private static void collect(List<Phrase> phrases, TextField field, int word, List<Match<Object>>[] found) {
        for (Phrase phrase : phrases) {
            int last = phrase.matchRest(field, 1, word + 1, field.sentence(word));
            if (last >= 0) {
                List<Match<Object>> own = found[phrase.lexicon];
                if (own == null) {
                    own = found[phrase.lexicon] = new ArrayList<>(4);
                }
                own.add(new Match<>(phrase.label, field, word, last));
            }
        }
    }

    /** One field's matches, by lexicon; each lexicon's overlaps are resolved when it first asks. */
    final class Scan {
        private final List<Match<Object>>[] found;
        private final boolean[] resolved;

        private Scan(List<Match<Object>>[] found) {
            this.found = found;
            this.resolved = new boolean[found.length];
        }

        /** The lexicon's matches in text order, overlaps resolved; not to be changed. */
        List<Match<Object>> of(int lexicon) {
            List<Match<Object>> own = found[lexicon];
            if (own == null) {
                return List.of();
            }
            if (!resolved[lexicon]) {
                found[lexicon] = own = Collections.unmodifiableList(
                        own.size() < 2 ? own : withoutOverlaps(own, oneLabelPerSpan.get(lexicon)));
                resolved[lexicon] = true;
            }
            return own;
        }
    }

    private static List<Match<Object>> withoutOverlaps(List<Match<Object>> found, boolean oneLabelPerSpan) {
        found.sort(Comparator.<Match<Object>>comparingInt(Match::firstWord)
                .thenComparing(Comparator.<Match<Object>>comparingInt(Match::lastWord).reversed()));
        List<Match<Object>> kept = new ArrayList<>(found.size());
        Map<Object, Integer> lastWordTaken = new HashMap<>();
        for (Match<Object> match : found) {
            Object key = oneLabelPerSpan ? Boolean.TRUE : match.label();
            Integer taken = lastWordTaken.get(key);
            if (taken == null || match.firstWord() > taken) {
                kept.add(match);
                lastWordTaken.put(key, match.lastWord());
            }
        }
        return kept;
    }

    /** A parsed phrase: its words (folded), which of them are stems, and which follow a gap. */
    private record Phrase(int lexicon, Object label, char[][] words, boolean[] stems, int[] gapBefore) {

        static Phrase parse(int lexicon, Object label, String phrase) {
            List<char[]> words = new ArrayList<>();
            List<Boolean> stems = new ArrayList<>();
            List<Integer> gaps = new ArrayList<>();
            int gap = 0;
            for (String chunk : phrase.trim().split("\\s+")) {
                if (chunk.equals(PhraseMatcher.GAP) || chunk.equals(PhraseMatcher.CLAUSE_GAP) || chunk.equals(PhraseMatcher.LONG)) {
                    if (words.isEmpty() || gap != 0) {
                        throw new IllegalArgumentException("'" + chunk + "' must stand between two words: " + phrase);
                    }
                    // a gap within one clause is written as a negative width
                    gap = chunk.equals(PhraseMatcher.LONG) ? PhraseMatcher.LONG_GAP
                            : chunk.equals(PhraseMatcher.GAP) ? PhraseMatcher.MAX_GAP : -PhraseMatcher.MAX_GAP;
                    continue;
                }
                boolean stem = chunk.endsWith("*");
                String body = stem ? chunk.substring(0, chunk.length() - 1) : chunk;
                List<String> parts = wordsOf(body, phrase);
                for (int i = 0; i < parts.size(); i++) {
                    boolean last = i == parts.size() - 1;
                    // "Алма-Ат*" is safe: the stem is held by the word before it.
                    if (stem && last && i == 0 && parts.get(i).length() < PhraseMatcher.MIN_STEM) {
                        throw new IllegalArgumentException("a stem needs at least " + PhraseMatcher.MIN_STEM + " letters: " + phrase);
                    }
                    words.add(parts.get(i).toCharArray());
                    stems.add(stem && last);
                    gaps.add(i == 0 ? gap : 0);
                }
                gap = 0;
            }
            if (words.isEmpty() || gap != 0) {
                throw new IllegalArgumentException("not a phrase: '" + phrase + "'");
            }
            boolean[] stemArray = new boolean[words.size()];
            int[] gapArray = new int[words.size()];
            for (int i = 0; i < words.size(); i++) {
                stemArray[i] = stems.get(i);
                gapArray[i] = gaps.get(i);
            }
            return new Phrase(lexicon, label, words.toArray(char[][]::new), stemArray, gapArray);
        }

        private static List<String> wordsOf(String chunk, String phrase) {
            List<String> parts = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            for (int i = 0; i <= chunk.length(); i++) {
                char c = i < chunk.length() ? chunk.charAt(i) : ' ';
                if (c == '*') {
                    throw new IllegalArgumentException("'*' may only end a word: " + phrase);
                }
                if (TextField.isWordChar(c)) {
                    word.append(TextField.fold(c));
                    continue;
                }
                if (JOINERS.indexOf(c) < 0) {
                    throw new IllegalArgumentException("unexpected '" + c + "' in: " + phrase);
                }
                if (!word.isEmpty()) {
                    parts.add(word.toString());
                    word.setLength(0);
                }
            }
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("no word in '" + chunk + "': " + phrase);
            }
            return parts;
        }

        /** The last word of a match of words {@code index..} from {@code next} on, or -1. */
        int matchRest(TextField field, int index, int next, int sentence) {
            if (index == words.length) {
                return next - 1;
            }
            int furthest = next + Math.abs(gapBefore[index]);
            for (int word = next; word <= furthest && word < field.size() && field.sentence(word) == sentence; word++) {
                if (word > next && gapBefore[index] < 0 && field.commaBefore(word - 1)) {
                    break;
                }
                if (field.wordMatches(word, words[index], stems[index])) {
                    int last = matchRest(field, index + 1, word + 1, sentence);
                    if (last >= 0) {
                        return last;
                    }
                }
            }
            return -1;
        }
    }

    /** A trie node: phrases whose first word ends here, or whose first word is a stem ending here. */
    private static final class Node {
        private static final int FEW = 8;
        private char[] keys = new char[0];
        private Node[] children = new Node[0];
        private final List<Phrase> wordPhrases = new ArrayList<>(0);
        private final List<Phrase> stemPhrases = new ArrayList<>(0);

        Node child(char c) {
            char[] own = keys;
            // most nodes have a few children: a plain look beats a binary search there
            if (own.length <= FEW) {
                for (int i = 0; i < own.length; i++) {
                    if (own[i] == c) {
                        return children[i];
                    }
                }
                return null;
            }
            int at = Arrays.binarySearch(own, c);
            return at < 0 ? null : children[at];
        }

        Node childOrNew(char c) {
            int at = Arrays.binarySearch(keys, c);
            if (at >= 0) {
                return children[at];
            }
            int insert = -at - 1;
            Node created = new Node();
            keys = insertAt(keys, insert, c);
            children = insertAt(children, insert, created);
            return created;
        }

        private static char[] insertAt(char[] array, int at, char value) {
            char[] grown = new char[array.length + 1];
            System.arraycopy(array, 0, grown, 0, at);
            grown[at] = value;
            System.arraycopy(array, at, grown, at + 1, array.length - at);
            return grown;
        }

        private static <T> T[] insertAt(T[] array, int at, T value) {
            T[] grown = Arrays.copyOf(array, array.length + 1);
            System.arraycopy(array, at, grown, at + 1, array.length - at);
            grown[at] = value;
            return grown;
        }
    }
}
