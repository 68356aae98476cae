package org.civicspace.ingest.domain.dedup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces an English or Russian text to the words that survive republication: outlets
 * re-typeset a wire story (quotes, dashes, spacing, ё or е, leftover markup), so none of that
 * may count as a difference.
 */
final class TextNormaliser {

    // Only what looks like a real tag or a comment, so that "a < b > c" in prose stays prose.
    private static final Pattern MARKUP = Pattern.compile("<!--.*?-->|</?[a-zA-Z][^<>]{0,500}>", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Map<String, String> NAMED_ENTITIES = Map.of("amp", "&", "apos", "'", "quot", "\"",
            "lt", "<", "gt", ">", "nbsp", " ");

    private TextNormaliser() {
    }

    /** The words of the text, lower case, in order. */
    static List<String> words(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String plain = text.indexOf('&') < 0 ? text : decodeEntities(text);
        // entities first: feeds often escape their markup once more (&lt;p&gt;)
        plain = plain.indexOf('<') < 0 ? plain : MARKUP.matcher(plain).replaceAll(" ");
        plain = Normalizer.normalize(plain, Normalizer.Form.NFKC);
        // one pass over the code points: the chain of regular expressions it replaced took longer than all the hashing
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < plain.length(); ) {
            int c = plain.codePointAt(i);
            int next = i + Character.charCount(c);
            int type = Character.getType(c);
            if (Character.isLetterOrDigit(c)) {
                int lower = Character.toLowerCase(c);
                word.appendCodePoint(lower == 'ё' ? 'е' : lower);
            } else if (type == Character.FORMAT || type == Character.NON_SPACING_MARK) {
                // soft hyphens and zero-width characters split a word invisibly; Russian stress
                // marks have no precomposed form and survive NFKC
            } else if (isApostropheInWord(plain, i, c, next) || isThousandsSeparator(plain, i, c, next)) {
                // editor's and editor’s are one word; 1,200 and 1 200 and 1.200 one number
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
            i = next;
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /** The words of the text joined by single spaces. */
    static String normalise(String text) {
        return String.join(" ", words(text));
    }

    private static boolean isApostropheInWord(String text, int at, int c, int next) {
        return (c == '\'' || c == '\u2019' || c == '\u02bc' || c == '`') && at > 0 && next < text.length()
                && Character.isLetter(text.codePointBefore(at)) && Character.isLetter(text.codePointAt(next));
    }

    private static boolean isThousandsSeparator(String text, int at, int c, int next) {
        if ((c != ' ' && c != ',' && c != '.' && c != '\'') || at == 0 || !isAsciiDigit(text, at - 1)) {
            return false;
        }
        return isAsciiDigit(text, next) && isAsciiDigit(text, next + 1) && isAsciiDigit(text, next + 2)
                && !isAsciiDigit(text, next + 3);
    }

    private static boolean isAsciiDigit(String text, int at) {
        return at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9';
    }

    private static String decodeEntities(String text) {
        return ENTITY.matcher(text).replaceAll(entity -> Matcher.quoteReplacement(decode(entity.group(1))));
    }

    private static String decode(String entity) {
        if (entity.charAt(0) != '#') {
            // other named entities (&laquo;, &mdash;) are punctuation, which is dropped anyway
            return NAMED_ENTITIES.getOrDefault(entity.toLowerCase(Locale.ROOT), " ");
        }
        boolean hex = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X');
        int codePoint = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
        return Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : " ";
    }
}
