package org.civicspace.classification.domain;

import java.util.Arrays;

import org.civicspace.events.Evidence;

/**
 * One field of a document ({@code title} or {@code text}) cut into words: case-folded, with each
 * word's character offsets and the number of the sentence it is in. Cut once per document and
 * shared by every stage of the classifier, on one thread: it keeps what the phrase trie found in it.
 */
final class TextField {

    private final String name;
    private final String text;
    private final char[] folded;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int[] sentences = new int[64];
    private boolean[] commaAfter = new boolean[64];
    private int size;
    /** The last trie that read this field, and what it found: the classifier's phrase lists read a field once. */
    private PhraseTrie scannedBy;
    private PhraseTrie.Scan scan;
    /** Per offset: a '(' stands before it with no ')' between; a ')' follows it before any '('. Computed on first use. */
    private boolean[] openBefore;
    private boolean[] closedAfter;

    private TextField(String name, String text) {
        this.name = name;
        this.text = text;
        this.folded = new char[text.length()];
        cut();
    }

    static TextField of(String name, String text) {
        return new TextField(name, text);
    }

    /** Lower case, and ё read as е; one char for one char, so offsets stay those of the original. */
    static char fold(char c) {
        // the commonest letters first, without the general Unicode lookup: the classifier folds every letter of every report
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        if (c >= 'А' && c <= 'я') {
            return c <= 'Я' ? (char) (c + ('а' - 'А')) : c;
        }
        char lower = Character.toLowerCase(c);
        return lower == 'ё' ? 'е' : lower;
    }

    static boolean isWordChar(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        return c >= 'А' && c <= 'я' || Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    String name() {
        return name;
    }

    String text() {
        return text;
    }

    int size() {
        return size;
    }

    int start(int word) {
        return starts[word];
    }

    int end(int word) {
        return ends[word];
    }

    int sentence(int word) {
        return sentences[word];
    }

    /** True when a comma or semicolon stands between this word and the next. */
    boolean commaBefore(int word) {
        return commaAfter[word];
    }

    char folded(int offset) {
        return folded[offset];
    }

    String folded(int start, int end) {
        return new String(folded, start, end - start);
    }

    /** True when the word is {@code expected} (already folded), or starts with it when {@code stem}. */
    boolean wordMatches(int word, char[] expected, boolean stem) {
        int length = ends[word] - starts[word];
        // most words differ at the first letter: settle those before comparing the arrays
        if (length < expected.length || (!stem && length != expected.length) || folded[starts[word]] != expected[0]) {
            return false;
        }
        return Arrays.equals(folded, starts[word], starts[word] + expected.length, expected, 0, expected.length);
    }

    /** What the trie finds in this field, scanned on the first call. */
    PhraseTrie.Scan scannedBy(PhraseTrie trie) {
        if (scannedBy != trie) {
            scan = trie.scan(this);
            scannedBy = trie;
        }
        return scan;
    }

    /**
     * True when {@code start..end} stands inside brackets: the last bracket at or before
     * {@code start} opens, and the first after {@code end} closes.
     */
    boolean inBrackets(int start, int end) {
        if (openBefore == null) {
            int length = text.length();
            openBefore = new boolean[length + 1];
            closedAfter = new boolean[length + 1];
            boolean open = false;
            for (int i = 0; i <= length; i++) {
                char c = i < length ? text.charAt(i) : 0;
                open = c == '(' || (open && c != ')');
                openBefore[i] = open;
            }
            boolean closed = false;
            for (int i = length - 1; i >= 0; i--) {
                char c = text.charAt(i);
                closed = c == ')' || (closed && c != '(');
                closedAfter[i] = closed;
            }
        }
        return openBefore[start] && closedAfter[end];
    }

    Evidence evidence(int start, int end) {
        return new Evidence(name, start, end, text.substring(start, end));
    }

    private void cut() {
        int sentence = 0;
        int wordStart = -1;
        int lastWordLength = 0;
        boolean sentenceEnded = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            folded[i] = fold(c);
            if (isWordChar(c)) {
                if (wordStart < 0) {
                    wordStart = i;
                    if (sentenceEnded) {
                        sentence++;
                        sentenceEnded = false;
                    }
                }
                continue;
            }
            if (wordStart >= 0) {
                add(wordStart, i, sentence);
                lastWordLength = i - wordStart;
                wordStart = -1;
            }
            sentenceEnded |= endsSentence(c, i, lastWordLength);
            if ((c == ',' || c == ';') && size > 0) {
                commaAfter[size - 1] = true;
            }
        }
        if (wordStart >= 0) {
            add(wordStart, text.length(), sentence);
        }
    }

    // Crude on purpose: a full stop after a one-letter word ("U.S.", "J. Smith") or inside a
    // token ("19.00", "site.am") does not end a sentence.
    private boolean endsSentence(char c, int offset, int lastWordLength) {
        if (c == '\n' || c == '!' || c == '?') {
            return true;
        }
        return c == '.' && lastWordLength > 1
                && (offset + 1 == text.length() || !isWordChar(text.charAt(offset + 1)));
    }

    private void add(int start, int end, int sentence) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
            sentences = Arrays.copyOf(sentences, size * 2);
            commaAfter = Arrays.copyOf(commaAfter, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        sentences[size] = sentence;
        size++;
    }
}
