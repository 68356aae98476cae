package org.civicspace.ingest.domain.feed;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Entities;

/**
 * The common breakage of real feeds, repaired in the text before an XML parser sees it; and the
 * first line of defence: a DOCTYPE is refused here, before any parser could act on it.
 */
final class XmlRepair {

    static final String DOCTYPE_REFUSED = "the feed declares a DOCTYPE, which we never process";

    private static final Pattern PROLOG = Pattern.compile("<\\?xml\\s[^>]*?\\?>");
    private static final Pattern FEED_ROOT = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?(?:rss|feed|RDF)[\\s>/]");
    private static final Pattern FIRST_TAG = Pattern.compile("<[A-Za-z_]");
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_PAGE = Pattern.compile("<!DOCTYPE\\s+html|<html[\\s>]", Pattern.CASE_INSENSITIVE);
    private static final Pattern REFERENCE = Pattern.compile("&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{0,31}));");
    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

    private XmlRepair() {
    }

    static String repair(String text, List<String> warnings) throws FeedRefused {
        int rootAt = rootStart(text);
        String beforeRoot = rootAt < 0 ? text : text.substring(0, rootAt);
        if (rootAt < 0 && HTML_PAGE.matcher(text.substring(0, Math.min(text.length(), 4096))).find()) {
            throw new FeedRefused("the address serves an HTML page, not an RSS or Atom feed");
        }
        if (DOCTYPE.matcher(beforeRoot).find()) {
            throw new FeedRefused(DOCTYPE_REFUSED);
        }
        String document = withoutPrologAndGarbage(text, rootAt, warnings);
        return escapeStrayAmpersands(document, warnings);
    }

    /**
     * The document from its root element on. Anything in front (spaces, a stray byte-order mark,
     * a PHP warning, the prolog itself) goes: the text is already decoded, so the prolog's
     * {@code encoding} has done its work, and a broken prolog cannot fail the parse.
     */
    private static String withoutPrologAndGarbage(String text, int rootAt, List<String> warnings) {
        Matcher prolog = PROLOG.matcher(text);
        boolean hasProlog = prolog.find() && (rootAt < 0 || prolog.start() < rootAt);
        int start = rootAt >= 0 ? rootAt : (hasProlog ? prolog.end() : firstTag(text));
        String front = hasProlog ? text.substring(0, prolog.start()) : text.substring(0, Math.max(start, 0));
        String garbage = front.replace("\uFEFF", "").replaceAll("<!--.*?-->", "").strip();
        if (!garbage.isEmpty()) {
            warnings.add("ignored " + garbage.length() + " characters of something else in front of the feed");
        }
        return start < 0 ? text : text.substring(start);
    }

    /** Where the feed's root element starts, passing over any comment that mentions one; -1 if nowhere. */
    private static int rootStart(String text) {
        Matcher root = FEED_ROOT.matcher(text);
        while (root.find()) {
            boolean inComment = text.lastIndexOf("<!--", root.start()) > text.lastIndexOf("-->", root.start());
            if (!inComment) {
                return root.start();
            }
        }
        return -1;
    }

    private static int firstTag(String text) {
        Matcher tag = FIRST_TAG.matcher(text);
        return tag.find() ? tag.start() : -1;
    }

    /**
     * A bare {@code &} becomes {@code &amp;}; an HTML entity such as {@code &nbsp;} becomes its
     * character reference; characters XML forbids are dropped. CDATA sections and comments are
     * left alone: there an {@code &} is already literal. A DOCTYPE anywhere else is refused.
     */
    private static String escapeStrayAmpersands(String text, List<String> warnings) throws FeedRefused {
        StringBuilder out = new StringBuilder(text.length() + 64);
        Matcher reference = REFERENCE.matcher(text);
        int repaired = 0;
        int dropped = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '<' && text.startsWith("<![CDATA[", i)) {
                i = copyThrough(text, i, "]]>", out);
            } else if (c == '<' && text.startsWith("<!--", i)) {
                i = copyThrough(text, i, "-->", out);
            } else if (c == '<' && text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                throw new FeedRefused(DOCTYPE_REFUSED);
            } else if (c == '&') {
                String original = "&";
                String replacement = "&amp;";
                reference.region(i, text.length());
                if (reference.lookingAt()) {
                    original = reference.group();
                    replacement = repairedReference(reference);
                }
                if (!replacement.equals(original)) {
                    repaired++;
                }
                out.append(replacement);
                i += original.length();
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF') {
                dropped++;
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        if (repaired > 0) {
            warnings.add("repaired " + repaired + " stray ampersands, HTML entities or forbidden character references");
        }
        if (dropped > 0) {
            warnings.add("dropped " + dropped + " control characters that XML does not allow");
        }
        return out.toString();
    }

    private static String repairedReference(Matcher reference) {
        String decimal = reference.group(1);
        String hex = reference.group(2);
        String name = reference.group(3);
        if (decimal != null || hex != null) {
            int codePoint = decimal != null ? Integer.parseInt(decimal) : Integer.parseInt(hex, 16);
            // a reference to a character XML forbids (&#0;, &#xD800;) would fail the whole feed
            return isXmlChar(codePoint) ? reference.group() : "";
        }
        if (XML_ENTITIES.contains(name)) {
            return reference.group();
        }
        if (Entities.isNamedEntity(name)) {
            StringBuilder characters = new StringBuilder();
            Entities.getByName(name).codePoints().forEach(cp -> characters.append("&#").append(cp).append(';'));
            return characters.toString();
        }
        return "&amp;" + reference.group().substring(1);
    }

    private static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    private static int copyThrough(String text, int from, String end, StringBuilder out) {
        int close = text.indexOf(end, from);
        int to = close < 0 ? text.length() : close + end.length();
        out.append(text, from, to);
        return to;
    }
}
