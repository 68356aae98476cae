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
    /** Phrases added so far: a phrase's number keeps the order in which matches are reported. */
    private int phrases;

    /** A new, empty lexicon in this trie; answers its number. */
    int newLexicon(boolean oneLabelPerSpan) {
        this.oneLabelPerSpan.add(oneLabelPerSpan);
        return this.oneLabelPerSpan.size() - 1;
    }

    /** Adds a phrase to a lexicon; an {@link IllegalArgumentException} says what is wrong with it. */
    void add(int lexicon, Object label, String phrase) {
        Phrase parsed = Phrase.parse(lexicon, phrases++, label, phrase);
        char[] first = parsed.words[0];
        int opening = opening(first[0], first.length > 1 ? first[1] : NO_SECOND_LETTER);
        openings[opening >>> 6] |= 1L << opening;
        Node node = root;
        for (char c : first) {
            node = node.childOrNew(c);
        }
        if (parsed.stems[0]) {
            node.stemPhrases = node.stemPhrases == null ? new Phrases() : node.stemPhrases;
            node.stemPhrases.add(parsed);
        } else {
            node.wordPhrases = node.wordPhrases == null ? new Phrases() : node.wordPhrases;
            node.wordPhrases.add(parsed);
        }
    }

    /** Every lexicon's matches in the field, in one pass. */
    Scan scan(TextField field) {
        @SuppressWarnings("unchecked")
        List<Match<Object>>[] found = new List[oneLabelPerSpan.size()];
        SentenceOpenings sentences = new SentenceOpenings(field);
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
                if (node.stemPhrases != null) {
                    collect(node.stemPhrases, field, word, sentences, found);
                }
                if (c + 1 == end && node.wordPhrases != null) {
                    collect(node.wordPhrases, field, word, sentences, found);
                }
            }
        }
        return new Scan(found);
    }

    private static int opening(char first, char second) {
        return (first * 31 + second) & ((1 << OPENING_BITS) - 1);
    }

    /**
     * Tries the node's phrases at the word: those of one word, and those whose second word opens
     * some word of the sentence. The matches are added in the order the phrases were added, as
     * they would be one list tried after another: overlaps keep the first of two equal spans.
     */
    private static void collect(Phrases phrases, TextField field, int word, SentenceOpenings openings,
            List<Match<Object>>[] found) {
        int sentence = field.sentence(word);
        List<Found> matched = tryAll(phrases.always, field, word, openings, null);
        for (int part = 0; part < SentenceOpenings.WORDS && phrases.bySecond != null; part++) {
            for (long common = phrases.seconds[part] & openings.bits(sentence, part); common != 0; common &= common - 1) {
                int group = part * Long.SIZE + Long.numberOfTrailingZeros(common);
                matched = tryAll(phrases.bySecond[group], field, word, openings, matched);
            }
        }
        if (matched == null) {
            return;
        }
        if (matched.size() > 1) {
            matched.sort(Comparator.comparingInt(one -> one.phrase.order));
        }
        for (Found one : matched) {
            List<Match<Object>> own = found[one.phrase.lexicon];
            if (own == null) {
                own = found[one.phrase.lexicon] = new ArrayList<>(4);
            }
            own.add(new Match<>(one.phrase.label, field, word, one.lastWord));
        }
    }

    private record Found(Phrase phrase, int lastWord) {
    }

    /** The phrases that match from the word on, added to {@code matched} (null for none yet). */
    private static List<Found> tryAll(Phrase[] phrases, TextField field, int word, SentenceOpenings openings,
            List<Found> matched) {
        int sentence = field.sentence(word);
        for (Phrase phrase : phrases) {
            if (!openings.mayHold(sentence, phrase.rest)) {
                continue;
            }
            int last = phrase.matchRest(field, 1, word + 1, sentence);
            if (last >= 0) {
                if (matched == null) {
                    matched = new ArrayList<>(2);
                }
                matched.add(new Found(phrase, last));
            }
        }
        return matched;
    }

    /**
     * The phrases whose first word ends at one node, grouped by the opening of their second word,
     * so that a word that starts hundreds of phrases ("в", "in") costs only those whose second word
     * the sentence may hold.
     */
    private static final class Phrases {
        private static final Phrase[] NONE = new Phrase[0];
        /** Phrases of one word, and those whose second word cannot be looked for by its opening. */
        private Phrase[] always = NONE;
        private final long[] seconds = new long[SentenceOpenings.WORDS];
        private Phrase[][] bySecond;

        void add(Phrase phrase) {
            int bit = phrase.words.length == 1 ? -1 : phrase.openingBit(1);
            if (bit < 0) {
                always = append(always, phrase);
            } else {
                seconds[bit >>> 6] |= 1L << bit;
                if (bySecond == null) {
                    bySecond = new Phrase[SentenceOpenings.WORDS * Long.SIZE][];
                }
                bySecond[bit] = append(bySecond[bit] == null ? NONE : bySecond[bit], phrase);
            }
        }

        private static Phrase[] append(Phrase[] phrases, Phrase phrase) {
            Phrase[] grown = Arrays.copyOf(phrases, phrases.length + 1);
            grown[phrases.length] = phrase;
            return grown;
        }
    }

    /**
     * Which word openings (first two letters, hashed) each sentence of a field holds: a phrase whose
     * later words open no word of the sentence cannot match there, and is not tried.
     */
    private static final class SentenceOpenings {
        /** Longs per sentence: 256 bits keep a sentence of 40 words at about one bit in seven set. */
        static final int WORDS = 4;
        private final long[] bits;

        SentenceOpenings(TextField field) {
            int sentences = field.size() == 0 ? 0 : field.sentence(field.size() - 1) + 1;
            bits = new long[sentences * WORDS];
            for (int word = 0; word < field.size(); word++) {
                int start = field.start(word);
                int end = field.end(word);
                set(bits, field.sentence(word) * WORDS,
                        opening(field.folded(start), end - start > 1 ? field.folded(start + 1) : NO_SECOND_LETTER));
            }
        }

        static int bit(int opening) {
            return opening & (WORDS * Long.SIZE - 1);
        }

        static void set(long[] bits, int from, int opening) {
            int bit = bit(opening);
            bits[from + (bit >>> 6)] |= 1L << bit;
        }

        long bits(int sentence, int word) {
            return bits[sentence * WORDS + word];
        }

        boolean mayHold(int sentence, long[] wanted) {
            int from = sentence * WORDS;
            for (int i = 0; i < WORDS; i++) {
                if ((wanted[i] & ~bits[from + i]) != 0) {
                    return false;
                }
            }
            return true;
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
    private record Phrase(int lexicon, int order, Object label, char[][] words, boolean[] stems, int[] gapBefore, long[] rest) {

        static Phrase parse(int lexicon, int order, Object label, String phrase) {
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
            Phrase parsed = new Phrase(lexicon, order, label, words.toArray(char[][]::new), stemArray, gapArray,
                    new long[SentenceOpenings.WORDS]);
            for (int i = 1; i < words.size(); i++) {
                int bit = parsed.openingBit(i);
                if (bit >= 0) {
                    parsed.rest[bit >>> 6] |= 1L << bit;
                }
            }
            return parsed;
        }

        /** The opening bit of word {@code index}, or -1 for a one-letter stem, which opens words of any second letter. */
        int openingBit(int index) {
            char[] word = words[index];
            if (stems[index] && word.length == 1) {
                return -1;
            }
            return SentenceOpenings.bit(opening(word[0], word.length > 1 ? word[1] : NO_SECOND_LETTER));
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
        private Node[] dense;
        private char denseFrom;
        /** Null where no phrase's first word ends: most nodes. */
        private Phrases wordPhrases;
        private Phrases stemPhrases;

        Node child(char c) {
            if (dense != null) {
                int at = c - denseFrom;
                return at >= 0 && at < dense.length ? dense[at] : null;
            }
            // most nodes have a few children: a plain look is quickest there
            char[] own = keys;
            for (int i = 0; i < own.length; i++) {
                if (own[i] == c) {
                    return children[i];
                }
            }
            return null;
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
            if (keys.length > FEW) {
                // a wide node (the root, the first letters) is looked up by a table from its lowest letter to its highest
                denseFrom = keys[0];
                dense = new Node[keys[keys.length - 1] - denseFrom + 1];
                for (int i = 0; i < keys.length; i++) {
                    dense[keys[i] - denseFrom] = children[i];
                }
            }
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
