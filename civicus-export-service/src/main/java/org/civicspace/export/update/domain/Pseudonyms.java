package org.civicspace.export.update.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The stable pseudonym of a protected person ({@code Person-7F3A9C}): a keyed hash (HMAC-SHA256)
 * of the name's spelling-free tokens, so "Максим Иванов", "Maksim Ivanov" and "Maxim Ivanov" get
 * one pseudonym, and nobody without the secret can turn it back into the name.
 *
 * <p>The tokens are made exactly as alert-service makes them ({@code NameKey}), and the secret is
 * the same setting ({@code CIVICSPACE_PSEUDONYM_SECRET}), so a person has the same pseudonym in an
 * alert and in an update. Change both or neither.
 */
public final class Pseudonyms {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LATIN = Pattern.compile("[^a-z]+");
    private static final Pattern DOUBLED = Pattern.compile("(.)\\1+");
    /** Russian, Ukrainian and Kazakh letters, close to the passport transliteration. */
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
    /** Spellings transliterations disagree on, folded into one, in this order. */
    private static final List<String[]> FOLDS = List.of(
            new String[] {"x", "ks"}, new String[] {"w", "v"}, new String[] {"q", "k"}, new String[] {"shch", "sh"},
            new String[] {"kh", "h"}, new String[] {"zh", "z"}, new String[] {"tz", "c"}, new String[] {"ts", "c"},
            new String[] {"ch", "c"}, new String[] {"sh", "s"}, new String[] {"ya", "a"}, new String[] {"ia", "a"},
            new String[] {"ja", "a"}, new String[] {"yu", "u"}, new String[] {"iu", "u"}, new String[] {"ju", "u"},
            new String[] {"ye", "e"}, new String[] {"ie", "e"}, new String[] {"je", "e"}, new String[] {"yo", "o"},
            new String[] {"io", "o"}, new String[] {"jo", "o"}, new String[] {"y", "i"}, new String[] {"j", "i"});

    private final SecretKeySpec key;

    public Pseudonyms(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the pseudonym secret must have at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The pseudonym of the person with this name, in any of its spellings. */
    public String pseudonymOf(String name) {
        return pseudonymOfTokens(nameTokens(name));
    }

    String pseudonymOfTokens(Collection<String> tokens) {
        String joined = String.join(" ", new TreeSet<>(tokens));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String hex = HexFormat.of().formatHex(mac.doFinal(joined.getBytes(StandardCharsets.UTF_8)));
            return "Person-" + hex.substring(0, 6).toUpperCase(Locale.ROOT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The spelling-free tokens of a name, two letters or more each. */
    static Set<String> nameTokens(String name) {
        Set<String> tokens = new TreeSet<>();
        if (name != null) {
            for (String word : name.split("[^\\p{L}\\p{M}'’-]+")) {
                String token = token(word);
                if (token.length() >= 2) {
                    tokens.add(token);
                }
            }
        }
        return tokens;
    }

    /** One word's spelling-free token: lower case, Latin, without marks, folded, no doubled letters. */
    static String token(String word) {
        StringBuilder latin = new StringBuilder();
        for (char c : word.toLowerCase(Locale.ROOT).toCharArray()) {
            String transliterated = CYRILLIC.get(c);
            latin.append(transliterated != null ? transliterated : String.valueOf(c));
        }
        String plain = MARKS.matcher(Normalizer.normalize(latin, Normalizer.Form.NFD)).replaceAll("");
        String folded = DOUBLED.matcher(NOT_LATIN.matcher(plain).replaceAll("")).replaceAll("$1");
        for (String[] fold : FOLDS) {
            folded = folded.replace(fold[0], fold[1]);
        }
        return DOUBLED.matcher(folded).replaceAll("$1");
    }
}
