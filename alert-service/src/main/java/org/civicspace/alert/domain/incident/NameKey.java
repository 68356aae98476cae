package org.civicspace.alert.domain.incident;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A name reduced to the spelling-free tokens that its Latin and Cyrillic spellings share:
 * "Максим Иванов", "Maksim Ivanov" and "Maxim Ivanov" give the same tokens, in any order. The
 * tokens are a key, not a name: never shown, and stored only after {@link Pseudonyms#hide} has
 * hashed them.
 */
public record NameKey(Set<String> tokens) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER = Pattern.compile("[^a-z]+");
    /** Russian, Ukrainian and Kazakh letters, by a scheme close to the passport one. */
    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
            Map.entry('е', "e"), Map.entry('ё', "e"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"),
            Map.entry('й', "i"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"),
            Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
            Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""),
            Map.entry('э', "e"), Map.entry('ю', "yu"), Map.entry('я', "ya"), Map.entry('є', "ye"), Map.entry('ї', "yi"),
            Map.entry('і', "i"), Map.entry('ґ', "g"), Map.entry('ә', "a"), Map.entry('ғ', "g"), Map.entry('қ', "k"),
            Map.entry('ң', "n"), Map.entry('ө', "o"), Map.entry('ұ', "u"), Map.entry('ү', "u"), Map.entry('һ', "h"));
    /**
     * Folds the spellings that transliteration schemes disagree on into one, in this order:
     * x/ks, kh/h, zh/z, the iotated vowels (ya, ia, ja), y/i/j; doubled letters count once, before and after.
     */
    private static final String[][] FOLDS = {
            {"x", "ks"}, {"w", "v"}, {"q", "k"}, {"shch", "sh"}, {"kh", "h"}, {"zh", "z"}, {"tz", "c"}, {"ts", "c"},
            {"ch", "c"}, {"sh", "s"}, {"ya", "a"}, {"ia", "a"}, {"ja", "a"}, {"yu", "u"}, {"iu", "u"}, {"ju", "u"},
            {"ye", "e"}, {"ie", "e"}, {"je", "e"}, {"yo", "o"}, {"io", "o"}, {"jo", "o"}, {"y", "i"}, {"j", "i"}};

    /**
     * Russian case and number endings as they read after {@link #token} (ы and й become i, х
     * becomes h), longest first: {@link #ofAnyForm} strips them until none is left.
     */
    private static final List<String> ENDINGS = List.of(
            "imi", "ami", "ogo", "ego", "omu", "emu", "oi", "ei", "im", "om", "em", "ih", "ah", "am",
            "a", "e", "i", "o", "u");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s?$");
    /** A stem keeps at least this many letters: "Юлия" and "Юлию" both end as "ul". */
    private static final int MIN_STEM = 2;

    public NameKey {
        tokens = Collections.unmodifiableSet(new TreeSet<>(tokens));
    }

    /** The key of a name; empty tokens for a blank one. Tokens shorter than two letters are dropped. */
    public static NameKey of(String name) {
        Set<String> tokens = new TreeSet<>();
        for (String word : words(name)) {
            String token = token(word);
            if (token.length() >= 2) {
                tokens.add(token);
            }
        }
        return new NameKey(tokens);
    }

    /**
     * The key of a name as running text writes it: as {@link #of}, but each word without an
     * English possessive and without its Russian case ending, so that "Максима Иванова",
     * "Максимом Ивановым", "Maxim Ivanov" and "Ivanov's" give the same tokens. It is what
     * incidents compare (the classifier quotes names as written). Coarser than {@link #of}:
     * "Ivanova" and "Ivanov" become one token, so a family name alone says little.
     */
    public static NameKey ofAnyForm(String name) {
        Set<String> tokens = new TreeSet<>();
        for (String word : words(name)) {
            String stem = stem(token(POSSESSIVE.matcher(word).replaceAll("")));
            if (stem.length() >= 2) {
                tokens.add(stem);
            }
        }
        return new NameKey(tokens);
    }

    /** The token without its case endings, stripped one after another while the stem stays long enough. */
    static String stem(String token) {
        String stem = token;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String ending : ENDINGS) {
                if (stem.endsWith(ending) && stem.length() - ending.length() >= MIN_STEM) {
                    stem = stem.substring(0, stem.length() - ending.length());
                    stripped = true;
                    break;
                }
            }
        }
        return stem;
    }

    /** The words of a text, as written, in order: what {@link #token} takes. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text != null) {
            for (String word : text.split("[^\\p{L}\\p{M}'’-]+")) {
                if (!word.isBlank()) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    /** One word's spelling-free token. */
    public static String token(String word) {
        StringBuilder latin = new StringBuilder();
        for (char c : word.toLowerCase(Locale.ROOT).toCharArray()) {
            String replacement = CYRILLIC.get(c);
            latin.append(replacement != null ? replacement : String.valueOf(c));
        }
        String folded = NOT_LETTER.matcher(MARKS.matcher(Normalizer.normalize(latin, Normalizer.Form.NFD))
                .replaceAll("")).replaceAll("").replaceAll("(.)\\1+", "$1");
        for (String[] fold : FOLDS) {
            folded = folded.replace(fold[0], fold[1]);
        }
        return folded.replaceAll("(.)\\1+", "$1");
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }

    /**
     * True when both name one person: the same tokens, or every token of a name of at least two
     * tokens found in the other (a name with and without its patronymic).
     */
    public boolean sameAs(NameKey other) {
        if (isEmpty() || other.isEmpty()) {
            return false;
        }
        if (tokens.equals(other.tokens)) {
            return true;
        }
        NameKey shorter = tokens.size() <= other.tokens.size() ? this : other;
        NameKey longer = shorter == this ? other : this;
        return shorter.tokens.size() >= 2 && longer.tokens.containsAll(shorter.tokens);
    }
}
