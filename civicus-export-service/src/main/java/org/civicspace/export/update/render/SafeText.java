package org.civicspace.export.update.render;

import java.lang.Character.UnicodeScript;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What every renderer does to a text of an update before writing it: control characters that
 * XML, Word or a PDF font cannot hold and bidi overrides that could disguise a text are dropped;
 * a link is a link only when it is an absolute http or https address; and a text's language is
 * guessed from its letters, so a format can tag it.
 */
final class SafeText {

    private SafeText() {
    }

    /** The text with line breaks as {@code \n}, tabs as spaces and nothing a format cannot hold; never null. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(lines.length());
        lines.codePoints().forEach(cp -> {
            if (cp == '\t') {
                out.append(' ');
            } else if (cp == '\n' || allowed(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().strip();
    }

    /** {@link #clean} on one line: every run of white space, line breaks included, one space. */
    static String line(String text) {
        return clean(text).replaceAll("\\s+", " ");
    }

    /** The {@link #clean cleaned} text's paragraphs: parted by blank lines, each stripped, none empty. */
    static List<String> paragraphs(String text) {
        return Arrays.stream(clean(text).split("\n\\s*\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static boolean allowed(int cp) {
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
            return false;
        }
        // bidi embeddings, overrides and isolates can make a text read differently from what it holds
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
            return false;
        }
        return !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF;
    }

    /** The address as a link target when it is an absolute http(s) URL with a host; anything else is only text. */
    static Optional<String> webLink(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri.toASCIIString());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * A BCP 47 tag for the text, from its letters: Latin letters are taken for English (the
     * language updates are written in), Cyrillic for Russian unless letters only Ukrainian,
     * Belarusian or Kazakh have say otherwise; {@code null} for a text without letters.
     */
    static String language(String text) {
        if (text == null) {
            return null;
        }
        int latin = 0;
        int cyrillic = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                UnicodeScript script = UnicodeScript.of(cp);
                if (script == UnicodeScript.LATIN) {
                    latin++;
                } else if (script == UnicodeScript.CYRILLIC) {
                    cyrillic++;
                }
            }
        }
        if (latin == 0 && cyrillic == 0) {
            return null;
        }
        if (latin >= cyrillic) {
            return "en";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.matches("(?s).*[әғқңөұһ].*")) {
            return "kk";
        }
        if (lower.indexOf('ў') >= 0) {
            return "be";
        }
        if (lower.matches("(?s).*[їєґ].*")) {
            return "uk";
        }
        return "ru";
    }
}
