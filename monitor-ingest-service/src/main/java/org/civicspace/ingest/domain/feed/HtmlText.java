package org.civicspace.ingest.domain.feed;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/** HTML from a feed as clean text: what a reader sees, one paragraph or line break per line. */
final class HtmlText {

    // never text a reader sees; a script's or style's content would only mislead the classifier
    private static final String INVISIBLE = "script, style, noscript, template, iframe, object, embed, svg, math, head";

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private HtmlText() {
    }

    /** Text with paragraph and line breaks kept as newlines, entities decoded, blank lines dropped. */
    static String fromHtml(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        body.select(INVISIBLE).remove();
        StringBuilder text = new StringBuilder();
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode words) {
                    // a line break in HTML source is only a space; the tags say where lines break
                    text.append(SPACES.matcher(words.getWholeText()).replaceAll(" "));
                } else if (node instanceof Element element && (element.isBlock() || element.normalName().equals("br"))) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    text.append('\n');
                }
            }
        });
        return tidyLines(text.toString());
    }

    /** Text on one line: for titles, which may carry tags or entities too. */
    static String inline(String html) {
        return html == null ? "" : Jsoup.parseBodyFragment(html).body().text().replace('\u00A0', ' ').strip();
    }

    /** Plain text as it came, its lines tidied the same way as text from HTML. */
    static String fromPlain(String text) {
        return text == null ? "" : tidyLines(text);
    }

    private static String tidyLines(String text) {
        return Arrays.stream(text.split("\\R"))
                .map(line -> SPACES.matcher(line).replaceAll(" ").strip())
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"));
    }
}
