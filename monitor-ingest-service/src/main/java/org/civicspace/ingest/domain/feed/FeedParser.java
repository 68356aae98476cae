package org.civicspace.ingest.domain.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;

/**
 * Reads an RSS (0.9x, 1.0, 2.0) or Atom (0.3, 1.0) feed, as fetched, into clean items: leniently
 * where real feeds are broken, never where they are hostile. Thread-safe.
 */
public final class FeedParser {

    /** Items kept from one feed unless told otherwise. */
    public static final int DEFAULT_MAX_ITEMS = 500;

    // the earliest and latest a publication date can plausibly be; outside, it is a broken clock or a placeholder
    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    private static final Duration CLOCK_SKEW = Duration.ofDays(1);
    private static final List<String> PUBLISHED = List.of("pubDate", "published", "issued", "created", "date");
    private static final List<String> UPDATED = List.of("updated", "modified");

    private final int maxItems;

    public FeedParser() {
        this(DEFAULT_MAX_ITEMS);
    }

    public FeedParser(int maxItems) {
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be at least 1, was " + maxItems);
        }
        this.maxItems = maxItems;
    }

    /**
     * The feed's title, items and warnings.
     *
     * @param httpContentType the Content-Type header as received, or null
     * @param feedUrl         the address fetched, against which relative links resolve
     * @param fetchedAt       stands in for a date an item lacks
     * @throws FeedRefused    with the reason in plain words, when the body is no feed or a hostile one
     */
    public ParsedFeed parse(byte[] body, String httpContentType, URI feedUrl, Instant fetchedAt) throws FeedRefused {
        Objects.requireNonNull(feedUrl, "feedUrl");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        if (body == null || body.length == 0) {
            throw new FeedRefused("the feed is empty");
        }
        List<String> warnings = new ArrayList<>();
        String text = FeedDecoder.decode(body, httpContentType, warnings);
        Document document = SafeXml.parse(XmlRepair.repair(text, warnings));
        FeedEntries entries = FeedEntries.of(readWithRome(document, warnings), document, warnings);

        List<Item> items = new ArrayList<>();
        int empty = 0;
        for (FeedEntries.Raw raw : entries.items()) {
            Item item = item(raw, feedUrl, fetchedAt);
            if (item.title().isEmpty() && item.text().isEmpty() && item.link() == null) {
                empty++;
            } else {
                items.add(item);
            }
        }
        if (empty > 0) {
            warnings.add("skipped " + items(empty) + " with no title, text or link");
        }
        List<Item> kept = newest(items, warnings);
        long undated = kept.stream().filter(Item::dateMissing).count();
        if (undated > 0) {
            warnings.add(items(undated) + (undated == 1 ? " has" : " have") + " no usable date; the time of fetching stands in");
        }
        return new ParsedFeed(entries.title(), identified(kept, feedUrl, warnings), warnings);
    }

    /** An item before it has its identity, which depends on the other items of the feed. */
    private record Item(String guid, URI link, String title, String text, Instant publishedAt, boolean dateMissing,
            String language) {
    }

    private static WireFeed readWithRome(Document document, List<String> warnings) throws FeedRefused {
        WireFeedInput rome = new WireFeedInput();
        // Rome's own default, stated because it matters: Rome never parses here, but should it, no DOCTYPE
        rome.setAllowDoctypes(false);
        Element root = document.getRootElement();
        try {
            return rome.build(document);
        } catch (IllegalArgumentException notAFeed) {
            if (root.getName().equals("rss")) {
                // Rome knows each RSS version by name; an unknown one (version="2") is read as 2.0, the superset
                warnings.add("the RSS version \"" + root.getAttributeValue("version") + "\" is unknown; read as RSS 2.0");
                root.setAttribute("version", "2.0");
                try {
                    return rome.build(document);
                } catch (FeedException | RuntimeException stillNot) {
                    throw new FeedRefused("the feed is RSS, but not in a form we can read", stillNot);
                }
            }
            throw new FeedRefused("the document is XML, but neither RSS nor Atom (its root element is <" + root.getName() + ">)");
        } catch (FeedException | RuntimeException unreadable) {
            // Rome on a structure it did not expect: refuse this feed, leave every other feed alone
            throw new FeedRefused("the feed's structure could not be read as RSS or Atom", unreadable);
        }
    }

    private static Item item(FeedEntries.Raw raw, URI feedUrl, Instant fetchedAt) {
        URI link = link(raw.link(), raw.linkElement() != null ? raw.linkElement() : raw.element(), feedUrl);
        String title = raw.titleIsHtml() ? HtmlText.inline(raw.title()) : HtmlText.fromPlain(raw.title()).replace('\n', ' ');
        String text = raw.bodyIsHtml() ? HtmlText.fromHtml(raw.body()) : HtmlText.fromPlain(raw.body());
        Optional<Instant> published = publishedAt(raw.element(), fetchedAt);
        return new Item(raw.guid(), link, title, text, published.orElse(fetchedAt), published.isEmpty(), language(raw.element()));
    }

    private static Optional<Instant> publishedAt(Element item, Instant fetchedAt) {
        if (item == null) {
            return Optional.empty();
        }
        for (List<String> names : List.of(PUBLISHED, UPDATED)) {
            for (Element child : item.getChildren()) {
                if (names.contains(child.getName())) {
                    Optional<Instant> date = FeedDates.parse(child.getTextNormalize())
                            .filter(instant -> !instant.isBefore(EARLIEST) && !instant.isAfter(fetchedAt.plus(CLOCK_SKEW)));
                    if (date.isPresent()) {
                        return date;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** An absolute http(s) link, resolved against the xml:base in scope and then the feed's address; else null. */
    private static URI link(String raw, Element context, URI feedUrl) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            URI resolved = resolve(base(context, feedUrl), new URI(raw.strip().replace(" ", "%20")));
            String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
            // getHost() is null for a Cyrillic host such as пример.рф, which is a host all the same
            return (scheme.equals("http") || scheme.equals("https")) && resolved.getRawAuthority() != null ? resolved : null;
        } catch (URISyntaxException | IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static URI base(Element context, URI feedUrl) {
        List<String> bases = new ArrayList<>();
        for (Element element = context; element != null; element = element.getParentElement()) {
            String base = element.getAttributeValue("base", Namespace.XML_NAMESPACE);
            if (base != null && !base.isBlank()) {
                bases.add(0, base.strip());
            }
        }
        URI base = feedUrl;
        for (String xmlBase : bases) {
            try {
                base = resolve(base, new URI(xmlBase.replace(" ", "%20")));
            } catch (URISyntaxException unreadable) {
                // an unreadable xml:base is skipped; the outer base still holds
            }
        }
        return base;
    }

    // java.net.URI resolves "a" against "http://host" to "http://hosta"; an empty path is "/"
    private static URI resolve(URI base, URI reference) {
        if (base.isAbsolute() && base.getRawPath() != null && base.getRawPath().isEmpty() && !base.isOpaque()) {
            base = base.resolve("/");
        }
        return base.resolve(reference);
    }

    /** The primary language subtag in scope: xml:lang on the item or around it, else the item's or the channel's language. */
    private static String language(Element item) {
        if (item == null) {
            return null;
        }
        for (Element element = item; element != null; element = element.getParentElement()) {
            String lang = element.getAttributeValue("lang", Namespace.XML_NAMESPACE);
            if (lang != null && !lang.isBlank()) {
                return primarySubtag(lang);
            }
        }
        Element root = item.getDocument().getRootElement();
        Element channel = FeedEntries.childNamed(root, "channel");
        for (Element holder : new Element[] {item, channel, root}) {
            Element language = holder == null ? null : FeedEntries.childNamed(holder, "language");
            if (language != null && !language.getTextTrim().isEmpty()) {
                return primarySubtag(language.getTextTrim());
            }
        }
        return null;
    }

    private static String primarySubtag(String tag) {
        String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2,3}") ? primary : null;
    }

    /** At most {@code maxItems}, the newest by date (an undated item counts as new), in the feed's order. */
    private List<Item> newest(List<Item> items, List<String> warnings) {
        if (items.size() <= maxItems) {
            return items;
        }
        warnings.add("the feed has " + items(items.size()) + "; kept the newest " + maxItems);
        Set<Integer> kept = IntStream.range(0, items.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> items.get(i).publishedAt()).reversed())
                .limit(maxItems)
                .collect(Collectors.toSet());
        return IntStream.range(0, items.size()).filter(kept::contains).mapToObj(items::get).toList();
    }

    /**
     * Each item with its identity. A link that several items of one feed share (every item
     * pointing at the home page) identifies none of them: they fall back to guid or content.
     */
    private static List<FeedItem> identified(List<Item> items, URI feedUrl, List<String> warnings) {
        Map<String, Long> linkUses = items.stream().map(Item::link).filter(Objects::nonNull)
                .map(FeedParser::normalisedOrNull).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), HashMap::new, Collectors.counting()));
        Set<String> shared = new HashSet<>();
        linkUses.forEach((link, uses) -> {
            if (uses > 1) {
                shared.add(link);
            }
        });
        if (!shared.isEmpty()) {
            warnings.add((shared.size() == 1 ? "1 link is" : shared.size() + " links are")
                    + " shared by several items; those items are told apart by guid or content");
        }
        return items.stream().map(item -> {
            String normalised = item.link() == null ? null : normalisedOrNull(item.link());
            URI identifying = normalised == null || shared.contains(normalised) ? null : item.link();
            String identity = ItemIdentity.of(identifying, item.guid(), feedUrl, item.title(), item.text());
            return new FeedItem(identity, item.guid(), item.link(), item.title(), item.text(), item.publishedAt(),
                    item.dateMissing(), item.language());
        }).toList();
    }

    private static String items(long count) {
        return count == 1 ? "1 item" : count + " items";
    }

    private static String normalisedOrNull(URI link) {
        try {
            return UrlNormaliser.normalise(link);
        } catch (IllegalArgumentException unusable) {
            return null;
        }
    }
}
