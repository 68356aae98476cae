package org.civicspace.ingest.domain.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;

/**
 * What Rome read, item by item, next to the XML element it came from: Rome knows the formats,
 * the element holds what Rome leaves out (xml:base, xml:lang, dates exactly as written).
 */
record FeedEntries(String title, List<Raw> items) {

    private static final Namespace RDF = Namespace.getNamespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#");

    /** One item as the feed wrote it; {@code element} is null if Rome's items could not be matched to the XML. */
    record Raw(Element element, Element linkElement, String title, boolean titleIsHtml, String link, String guid,
            String body, boolean bodyIsHtml) {
    }

    static FeedEntries of(WireFeed feed, Document document, List<String> warnings) {
        Element root = document.getRootElement();
        if (feed instanceof Channel channel) {
            List<Element> elements = rssItemElements(root);
            List<Raw> items = new ArrayList<>();
            for (int i = 0; i < channel.getItems().size(); i++) {
                Element element = i < elements.size() ? elements.get(i) : null;
                items.add(rss(channel.getItems().get(i), element));
            }
            return new FeedEntries(HtmlText.inline(channel.getTitle()), matched(items, elements.size(), warnings));
        }
        Feed atom = (Feed) feed;
        List<Element> elements = root.getChildren("entry", root.getNamespace());
        List<Raw> items = new ArrayList<>();
        for (int i = 0; i < atom.getEntries().size(); i++) {
            Element element = i < elements.size() ? elements.get(i) : null;
            items.add(atom(atom.getEntries().get(i), element));
        }
        String title = atom.getTitleEx() == null ? atom.getTitle() : atom.getTitleEx().getValue();
        return new FeedEntries(isHtml(atom.getTitleEx()) ? HtmlText.inline(title) : HtmlText.fromPlain(title),
                matched(items, elements.size(), warnings));
    }

    // RSS 0.90 and 1.0 put items beside the channel, 0.91 to 2.0 inside it; the channel's namespace is theirs
    private static List<Element> rssItemElements(Element root) {
        Element channel = root.getChildren().stream().filter(child -> child.getName().equals("channel")).findFirst().orElse(null);
        if (channel == null) {
            return List.of();
        }
        List<Element> items = new ArrayList<>(root.getChildren("item", channel.getNamespace()));
        items.addAll(channel.getChildren("item", channel.getNamespace()));
        return items;
    }

    private static List<Raw> matched(List<Raw> items, int elements, List<String> warnings) {
        if (elements == items.size()) {
            return items;
        }
        warnings.add("the items could not be matched to the XML, so relative links, dates and languages were not read");
        return items.stream().map(raw -> new Raw(null, null, raw.title(), raw.titleIsHtml(), raw.link(), raw.guid(),
                raw.body(), raw.bodyIsHtml())).toList();
    }

    private static Raw rss(Item item, Element element) {
        String guid = null;
        boolean permaLink = false;
        Guid rssGuid = item.getGuid();
        if (rssGuid != null && rssGuid.getValue() != null && !rssGuid.getValue().isBlank()) {
            guid = rssGuid.getValue().strip();
            permaLink = rssGuid.isPermaLink();
        } else if (element != null && element.getAttributeValue("about", RDF) != null) {
            // RSS 1.0 names each item by its rdf:about
            guid = element.getAttributeValue("about", RDF).strip();
            permaLink = true;
        }
        String link = blankToNull(item.getLink());
        if (link == null && permaLink) {
            link = guid;
        }
        String content = item.getContent() == null ? null : item.getContent().getValue();
        String description = item.getDescription() == null ? null : item.getDescription().getValue();
        String body = content != null && !content.isBlank() ? content : description;
        Element linkElement = element == null ? null : childNamed(element, "link");
        return new Raw(element, linkElement, item.getTitle(), true, link, guid, body, true);
    }

    private static Raw atom(Entry entry, Element element) {
        Link alternate = entry.getAlternateLinks().stream()
                .filter(link -> link.getHref() != null && !link.getHref().isBlank())
                .findFirst().orElse(null);
        String link = alternate == null ? null : alternate.getHref().strip();
        Element linkElement = element == null || link == null ? null : element.getChildren().stream()
                .filter(child -> child.getName().equals("link") && link.equals(Objects.toString(child.getAttributeValue("href"), "").strip()))
                .findFirst().orElse(null);
        Content body = entry.getContents().stream()
                .filter(content -> content.getValue() != null && !content.getValue().isBlank())
                .findFirst().orElse(entry.getSummary());
        Content title = entry.getTitleEx();
        return new Raw(element, linkElement, title == null ? null : title.getValue(), isHtml(title), link,
                blankToNull(entry.getId()), body == null ? null : body.getValue(), isHtml(body));
    }

    // Atom says text unless told otherwise (text, html, xhtml, or a media type in Atom 0.3)
    private static boolean isHtml(Content content) {
        String type = content == null || content.getType() == null ? "text" : content.getType().toLowerCase(Locale.ROOT);
        return !type.equals("text") && !type.equals("text/plain");
    }

    static Element childNamed(Element element, String name) {
        return element.getChildren().stream().filter(child -> child.getName().equals(name)).findFirst().orElse(null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
