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
    // Soft hyphens, zero-width spaces and joiners are invisible and split words in two.
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}]");
    // Stress marks in Russian have no precomposed form and survive NFKC.
    private static final Pattern COMBINING = Pattern.compile("\\p{Mn}+");
    private static final Pattern APOSTROPHE_IN_WORD = Pattern.compile("(?<=\\p{L})['\u2019\u02bc`](?=\\p{L})");
    // 1,200 and 1 200 and 1.200 are one number written in three house styles.
    private static final Pattern THOUSANDS = Pattern.compile("(?<=\\d)[ ,.'](?=\\d{3}(?!\\d))");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private TextNormaliser() {
    }

    /** The words of the text, lower case, in order. */
    static List<String> words(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        // entities first: feeds often escape their markup once more (&lt;p&gt;)
        String plain = MARKUP.matcher(decodeEntities(text)).replaceAll(" ");
        plain = Normalizer.normalize(plain, Normalizer.Form.NFKC);
        plain = INVISIBLE.matcher(plain).replaceAll("");
        plain = COMBINING.matcher(plain).replaceAll("");
        plain = plain.toLowerCase(Locale.ROOT).replace('ё', 'е');
        plain = APOSTROPHE_IN_WORD.matcher(plain).replaceAll("");
        plain = THOUSANDS.matcher(plain).replaceAll("");
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(plain);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }

    /** The words of the text joined by single spaces. */
    static String normalise(String text) {
        return String.join(" ", words(text));
    }

    private static String decodeEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
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
