package org.civicspace.classification.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.civicspace.events.Evidence;
import org.civicspace.events.Tag;

/**
 * Tells the language of a report from its script, its distinctive letters and its commonest
 * words ({@code classifier/languages.tsv}); a text too short to tell keeps its declared language.
 * The language tag says which: {@code fromHint} is true when the declared language was kept.
 * Immutable and thread-safe once loaded.
 */
public final class LanguageDetector {

    /** How far ahead of the runner-up the winner must be (one function word's worth); less, and the text is too short to tell. */
    static final double MIN_LEAD = 2;
    /** Letters enough to take a one-language script (Georgian, Armenian) as the report's. */
    static final int MIN_SCRIPT_LETTERS = 4;
    static final double WORD_WEIGHT = 2;
    /**
     * How much each letter a language would have written with its own letters and did not counts
     * against it: a Kazakh text of a hundred letters without one of ә, қ, ұ is likely not Kazakh.
     */
    static final double MISSING_WEIGHT = 0.3;
    static final int LONGEST_ENDING = 4;
    static final double UNDECIDED_CONFIDENCE = 0.5;
    static final int MAX_SPANS = 5;
    /** Letters read at most (title first): by then the language is plain, and a long report costs no more. */
    static final int MAX_LETTERS = 500;
    /** Every apostrophe inside a word is read as this one (the Uzbek oʻ, gʻ). */
    static final char APOSTROPHE = 'ʻ';
    private static final String APOSTROPHES = "'’‘`ʼʻ";
    /** Letters below this code point are looked up in arrays; the region's alphabets all are. */
    private static final int TABLE = 0x530;
    private static final Character.UnicodeScript[] SCRIPTS = Character.UnicodeScript.values();

    private final String[] codes;
    private final Map<Character.UnicodeScript, Long> byScript;
    private final Map<Character.UnicodeScript, Integer> assumed;
    private final Map<String, Long> words;
    private final Map<String, Long> endings;
    /** The share of a language's letters that are its own letters, by language. */
    private final double[] expected;
    private final int longestWord;
    private final long[] letterLanguages = new long[TABLE];
    private final long[] lacking = new long[TABLE];
    /** Two-letter pairs as {@code first << 16 | second}, sorted, with their languages. */
    private final int[] pairs;
    private final long[] pairLanguages;
    private final boolean[] endsAPair = new boolean[TABLE];
    private final boolean[] endsAnEnding = new boolean[TABLE];

    private LanguageDetector(String[] codes, Map<Character.UnicodeScript, Long> byScript,
            Map<Character.UnicodeScript, Integer> assumed, Map<String, Long> words, Map<String, Long> endings,
            Map<String, Long> letters, Map<String, Long> lacks, double[] expected) {
        this.codes = codes;
        this.byScript = byScript;
        this.assumed = assumed;
        this.words = words;
        this.endings = endings;
        endings.keySet().forEach(ending -> endsAnEnding[ending.charAt(ending.length() - 1)] = true);
        this.expected = expected;
        this.longestWord = words.keySet().stream().mapToInt(String::length).max().orElse(0);
        letters.forEach((letter, languages) -> {
            if (letter.length() == 1) {
                letterLanguages[letter.charAt(0)] = languages;
            }
        });
        this.pairs = letters.keySet().stream().filter(letter -> letter.length() == 2)
                .mapToInt(pair -> pair.charAt(0) << 16 | pair.charAt(1)).sorted().toArray();
        this.pairLanguages = new long[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            char first = (char) (pairs[i] >>> 16);
            char second = (char) pairs[i];
            pairLanguages[i] = letters.get(new String(new char[] {first, second}));
            endsAPair[second] = true;
        }
        lacks.forEach((letter, languages) -> lacking[letter.charAt(0)] = languages);
    }

    /** Loads {@code classifier/languages.tsv} from the classpath; a bad row fails with its file and line. */
    public static LanguageDetector fromClasspath() {
        return load(DataFile.read("languages.tsv"));
    }

    static LanguageDetector load(DataFile file) {
        List<String> codes = new ArrayList<>();
        Map<Character.UnicodeScript, Long> byScript = new EnumMap<>(Character.UnicodeScript.class);
        Map<Character.UnicodeScript, Integer> assumed = new EnumMap<>(Character.UnicodeScript.class);
        Map<String, Long> words = new HashMap<>();
        Map<String, Long> letters = new HashMap<>();
        Map<String, Long> lacks = new HashMap<>();
        Map<String, Long> endings = new HashMap<>();
        Map<Integer, Double> expected = new HashMap<>();
        for (DataFile.Row row : file.rows()) {
            if (!row.key().matches("[a-z]{2}")) {
                throw row.error("'" + row.key() + "' is not an ISO 639-1 language code in lower case");
            }
            if (row.values().size() < 2) {
                throw row.error("expected: code, one of script/letters/lacks/words, then at least one value");
            }
            int index = codes.indexOf(row.key());
            if (index < 0) {
                if (codes.size() == Long.SIZE) {
                    throw row.error("at most " + Long.SIZE + " languages");
                }
                codes.add(row.key());
                index = codes.size() - 1;
            }
            long bit = 1L << index;
            List<String> values = row.values().subList(1, row.values().size());
            switch (row.values().get(0)) {
                case "script" -> {
                    for (String name : values) {
                        Character.UnicodeScript script = script(name, row);
                        byScript.merge(script, bit, (a, b) -> a | b);
                        assumed.putIfAbsent(script, index);
                    }
                }
                case "words" -> values.forEach(word -> words.merge(normalised(word), bit, (a, b) -> a | b));
                case "letters" -> values.forEach(letter -> letters.merge(letter(letter, 2, row), bit, (a, b) -> a | b));
                case "lacks" -> values.forEach(letter -> lacks.merge(letter(letter, 1, row), bit, (a, b) -> a | b));
                case "endings" -> values.forEach(ending -> endings.merge(ending(ending, row), bit, (a, b) -> a | b));
                case "expects" -> expected.put(index, percent(values.get(0), row));
                default -> throw row.error("'" + row.values().get(0)
                        + "' is not one of script, letters, expects, lacks, words, endings");
            }
        }
        double[] shares = new double[codes.size()];
        expected.forEach((index, share) -> shares[index] = share);
        return new LanguageDetector(codes.toArray(String[]::new), byScript, assumed, words, endings, letters, lacks, shares);
    }

    /** The report's language tag: detected, or declared when the text does not tell (then from a hint). */
    public Tag detect(Document document) {
        Tally tally = new Tally(codes.length);
        scan("title", document.title(), tally);
        scan("text", document.text(), tally);
        weighLetters(tally);
        Character.UnicodeScript script = tally.script();
        Long candidates = script == null ? null : byScript.get(script);
        if (candidates != null && Long.bitCount(candidates) == 1) {
            int only = Long.numberOfTrailingZeros(candidates);
            if (tally.letters[script.ordinal()] >= MIN_SCRIPT_LETTERS) {
                return new Tag("language", codes[only], 1.0, false, tally.spans[only]);
            }
        } else if (candidates != null) {
            int letters = tally.letters[script.ordinal()];
            for (int i = 0; i < codes.length; i++) {
                tally.scores[i] -= (candidates & (1L << i)) == 0 ? 0 : expected[i] * letters * MISSING_WEIGHT;
            }
            int best = -1;
            int second = -1;
            for (int i = 0; i < codes.length; i++) {
                if ((candidates & (1L << i)) == 0) {
                    continue;
                }
                if (best < 0 || tally.scores[i] > tally.scores[best]) {
                    second = best;
                    best = i;
                } else if (second < 0 || tally.scores[i] > tally.scores[second]) {
                    second = i;
                }
            }
            double top = tally.scores[best];
            double runnerUp = Math.max(0, tally.scores[second]);
            if (top - runnerUp >= MIN_LEAD) {
                return new Tag("language", codes[best], confidence(top, runnerUp), false, tally.spans[best]);
            }
        }
        String declared = declared(document.language());
        if (declared != null) {
            return new Tag("language", declared, 1.0, true, List.of());
        }
        Integer fallback = script == null ? null : assumed.get(script);
        return new Tag("language", fallback == null ? codes[0] : codes[fallback], UNDECIDED_CONFIDENCE, false, List.of());
    }

    /** Each letter read: a point for the languages that write it, one off for those that never do. */
    private void weighLetters(Tally tally) {
        int[] counts = tally.letterCounts;
        for (char c = 0; c < TABLE; c++) {
            if (counts[c] != 0) {
                tally.add(letterLanguages[c], counts[c]);
                tally.add(lacking[c], -counts[c]);
            }
        }
    }

    /** The winner's share of the evidence, discounted when there is little of it. */
    private static double confidence(double top, double runnerUp) {
        double share = top / (top + runnerUp);
        double amount = 1 - Math.pow(0.5, top / MIN_LEAD);
        return Math.round(share * amount * 1000) / 1000.0;
    }

    private static String declared(String language) {
        if (language == null || language.isBlank()) {
            return null;
        }
        return language.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
    }

    private void scan(String field, String text, Tally tally) {
        int length = text.length();
        int i = 0;
        while (i < length && tally.lettersRead < MAX_LETTERS) {
            if (!isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < length && (isLetter(text.charAt(end))
                    || (APOSTROPHES.indexOf(text.charAt(end)) >= 0 && end + 1 < length && isLetter(text.charAt(end + 1))))) {
                end++;
            }
            word(field, text, i, end, tally);
            tally.lettersRead += end - i;
            i = end;
        }
    }

    private void word(String field, String text, int start, int end, Tally tally) {
        long hits = 0;
        char previous = 0;
        Character.UnicodeScript wordScript = null;
        int length = end - start;
        char[] folded = tally.buffer(length);
        for (int i = start; i < end; i++) {
            char c = fold(text.charAt(i));
            folded[i - start] = c;
            if (c != APOSTROPHE) {
                Character.UnicodeScript script = scriptOf(c);
                tally.letters[script.ordinal()]++;
                wordScript = wordScript == null ? script : wordScript;
            }
            if (c < TABLE) {
                // letters are counted here and weighed once per report (see #weighLetters): the scores are whole numbers until then
                tally.letterCounts[c]++;
                hits |= letterLanguages[c];
                int pair = previous == 0 || !endsAPair[c] ? -1 : Arrays.binarySearch(pairs, previous << 16 | c);
                if (pair >= 0) {
                    tally.add(pairLanguages[pair], 1);
                    hits |= pairLanguages[pair];
                }
            }
            previous = c;
        }
        if (length <= longestWord) {
            Long own = words.get(new String(folded, 0, length));
            if (own != null) {
                tally.add(own, WORD_WEIGHT);
                hits |= own;
            }
        }
        char last = folded[length - 1];
        for (int ending = 2; last < TABLE && endsAnEnding[last] && ending <= LONGEST_ENDING && ending + 2 <= length; ending++) {
            Long own = endings.get(new String(folded, length - ending, ending));
            if (own != null) {
                tally.add(own, 1);
                hits |= own;
            }
        }
        Long scriptLanguages = wordScript == null ? null : byScript.get(wordScript);
        if (scriptLanguages != null && Long.bitCount(scriptLanguages) == 1) {
            hits |= scriptLanguages;
        }
        if (hits != 0) {
            tally.evidence(hits, field, text, start, end);
        }
    }

    private static boolean isLetter(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }
        if (c >= 'А' && c <= 'я') {
            return true;
        }
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c == '\'' || c == '`' ? APOSTROPHE : c;
        }
        if (c >= 'А' && c <= 'я') {
            return c <= 'Я' ? (char) (c + ('а' - 'А')) : c;
        }
        return APOSTROPHES.indexOf(c) >= 0 ? APOSTROPHE : Character.toLowerCase(c);
    }

    private static String normalised(String word) {
        StringBuilder folded = new StringBuilder(word.length());
        word.chars().forEach(c -> folded.append(fold((char) c)));
        return folded.toString();
    }

    private static Character.UnicodeScript scriptOf(char c) {
        if (c < 0x250) {
            return Character.UnicodeScript.LATIN;
        }
        if (c >= 0x400 && c < 0x530) {
            return Character.UnicodeScript.CYRILLIC;
        }
        return Character.UnicodeScript.of(c);
    }

    private static Character.UnicodeScript script(String name, DataFile.Row row) {
        try {
            return Character.UnicodeScript.forName(name);
        } catch (IllegalArgumentException e) {
            throw row.error("'" + name + "' is not a Unicode script name");
        }
    }

    private static String ending(String ending, DataFile.Row row) {
        String folded = normalised(ending);
        if (folded.length() < 2 || folded.length() > LONGEST_ENDING || !folded.equals(ending)
                || folded.chars().anyMatch(c -> c >= TABLE)) {
            throw row.error("'" + ending + "' is not an ending of 2 to " + LONGEST_ENDING + " lower-case letters");
        }
        return folded;
    }

    private static double percent(String value, DataFile.Row row) {
        try {
            double percent = Double.parseDouble(value);
            if (percent >= 0 && percent <= 100) {
                return percent / 100;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw row.error("'" + value + "' is not a percentage");
    }

    private static String letter(String letter, int longest, DataFile.Row row) {
        String folded = normalised(letter);
        if (folded.isEmpty() || folded.length() > longest || !folded.equals(letter)
                || folded.chars().anyMatch(c -> c >= TABLE && c != APOSTROPHE)) {
            throw row.error("'" + letter + "' is not a lower-case letter" + (longest > 1 ? " or pair" : "")
                    + " of the Latin or Cyrillic alphabets");
        }
        return folded;
    }

    /** What one report's words say for each language. */
    private static final class Tally {
        final double[] scores;
        int lettersRead;
        private char[] buffer = new char[32];
        final List<Evidence>[] spans;
        /** Letters counted by script, indexed by {@link Character.UnicodeScript#ordinal()}. */
        final int[] letters = new int[SCRIPTS.length];
        /** How often each letter below {@code TABLE} was read. */
        final int[] letterCounts = new int[TABLE];

        @SuppressWarnings("unchecked")
        Tally(int languages) {
            scores = new double[languages];
            spans = new List[languages];
            for (int i = 0; i < languages; i++) {
                spans[i] = new ArrayList<>(0);
            }
        }

        /** A scratch array for one word's folded letters. */
        char[] buffer(int length) {
            if (buffer.length < length) {
                buffer = new char[length];
            }
            return buffer;
        }

        void add(long languages, double weight) {
            for (long rest = languages; rest != 0; rest &= rest - 1) {
                scores[Long.numberOfTrailingZeros(rest)] += weight;
            }
        }

        void evidence(long languages, String field, String text, int start, int end) {
            for (long rest = languages; rest != 0; rest &= rest - 1) {
                List<Evidence> own = spans[Long.numberOfTrailingZeros(rest)];
                if (own.size() < MAX_SPANS) {
                    own.add(new Evidence(field, start, end, text.substring(start, end)));
                }
            }
        }

        /** The script most letters are in, or null for a text without letters. */
        Character.UnicodeScript script() {
            int most = 0;
            for (int i = 1; i < letters.length; i++) {
                most = letters[i] > letters[most] ? i : most;
            }
            return letters[most] == 0 ? null : SCRIPTS[most];
        }
    }
}
