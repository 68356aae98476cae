package org.civicspace.export.domain;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a text as the keyword index keeps them: lower case, accents and other combining
 * marks removed (so {@code ё} is {@code е} and {@code é} is {@code e}), split at anything that
 * is not a letter or a digit, words of one character dropped. Works the same for Cyrillic and
 * Latin, and for the index and the query, which is what makes them meet.
 */
public final class Tokens {

    /** Index buckets are keyed by a word's first letters; a query word this long or longer matches by prefix. */
    public static final int PREFIX_LENGTH = 3;

    /** Longer words are cut here: no real word is longer, and it bounds the index's field names. */
    static final int MAX_LENGTH = 40;

    private Tokens() {
    }

    /** The distinct words of the texts, in order of first appearance. */
    public static Set<String> of(String... texts) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            String folded = fold(text);
            int start = -1;
            for (int i = 0; i <= folded.length(); i++) {
                boolean wordChar = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
                if (wordChar && start < 0) {
                    start = i;
                } else if (!wordChar && start >= 0) {
                    add(tokens, folded.substring(start, i));
                    start = -1;
                }
            }
        }
        return tokens;
    }

    /** The index bucket a word lives in: its first {@value #PREFIX_LENGTH} letters, or the whole of a shorter word. */
    public static String bucketOf(String token) {
        return token.length() <= PREFIX_LENGTH ? token : token.substring(0, PREFIX_LENGTH);
    }

    /**
     * Whether an indexed word answers a query word: a query word of {@value #PREFIX_LENGTH} letters or
     * more matches every word that starts with it ({@code задерж} finds {@code задержан} and
     * {@code задержали}); a shorter one only the same word.
     */
    public static boolean matches(String queryToken, String token) {
        return queryToken.length() < PREFIX_LENGTH ? token.equals(queryToken) : token.startsWith(queryToken);
    }

    private static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && type != Character.COMBINING_SPACING_MARK) {
                folded.append(c);
            }
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }

    private static void add(Set<String> tokens, String word) {
        if (word.length() > 1) {
            tokens.add(word.length() > MAX_LENGTH ? word.substring(0, MAX_LENGTH) : word);
        }
    }
}
