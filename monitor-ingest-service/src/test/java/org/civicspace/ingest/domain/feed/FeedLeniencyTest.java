package org.civicspace.ingest.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicspace.ingest.domain.feed.Fixtures.FETCHED_AT;
import static org.civicspace.ingest.domain.feed.Fixtures.bytes;
import static org.civicspace.ingest.domain.feed.Fixtures.parse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class FeedLeniencyTest {

    private static final Instant QUARTER_PAST_SEVEN = Instant.parse("2025-03-05T07:15:00Z");

    @Test
    void readsAFeedWithWhitespaceBeforeTheProlog() throws FeedRefused {
        ParsedFeed feed = parse("breakage/whitespace-before-prolog.xml");

        assertThat(feed.items()).extracting(FeedItem::title).containsExactly("Volunteers' legal clinic reopens in the old library");
        assertThat(feed.warnings()).isEmpty();
    }

    @Test
    void readsAFeedBehindAPhpWarningPrintedBeforeTheProlog() throws FeedRefused {
        ParsedFeed feed = parse("breakage/php-warning-before-prolog.xml");

        assertThat(feed.items()).extracting(FeedItem::title).containsExactly("Volunteers' legal clinic reopens in the old library");
        assertThat(feed.warnings()).singleElement().asString().startsWith("ignored ").endsWith(" characters of something else in front of the feed");
    }

    @Test
    void readsAFeedWithABrokenPrologAndAnUnknownRssVersion() throws FeedRefused {
        ParsedFeed feed = parse("breakage/broken-prolog-and-unknown-version.xml");

        assertThat(feed.items()).extracting(FeedItem::title).containsExactly("Volunteers' legal clinic reopens in the old library");
        assertThat(feed.warnings()).containsExactly("the RSS version \"2\" is unknown; read as RSS 2.0");
    }

    @Test
    void escapesStrayAmpersandsAndDecodesHtmlEntities() throws FeedRefused {
        ParsedFeed feed = parse("breakage/stray-ampersands-and-entities.xml");

        assertThat(feed.title()).isEqualTo("Smith & Jones Legal Aid Bulletin");
        FeedItem searched = feed.items().get(0);
        assertThat(searched.title()).isEqualTo("Office of Smith & Jones searched by police — files taken");
        assertThat(searched.link()).isEqualTo(URI.create("https://bulletin.example.org/item?id=7&lang=en"));
        assertThat(searched.text()).isEqualTo("Officers spent «four hours» in the office. R&D notes and the © archive were boxed up."
                + " An &unknown; word stays as written.");
        assertThat(feed.warnings()).contains("repaired 11 stray ampersands, HTML entities or forbidden character references");
    }

    @Test
    void leavesCdataSectionsAsWritten() throws FeedRefused {
        FeedItem answers = parse("breakage/stray-ampersands-and-entities.xml").items().get(1);

        assertThat(answers.title()).isEqualTo("Q&A: what the search warrant allowed");
        assertThat(answers.link()).isEqualTo(URI.create("https://bulletin.example.org/item?id=8&lang=en"));
        assertThat(answers.text()).isEqualTo("Answers from the firm's lawyer & a retired judge.");
    }

    @Test
    void dropsCharactersAndReferencesThatXmlForbids() throws FeedRefused {
        ParsedFeed feed = parse("breakage/stray-ampersands-and-entities.xml");

        FeedItem statement = feed.items().get(2);
        assertThat(statement.title()).isEqualTo("Statement from the bar association");
        assertThat(statement.text()).isEqualTo("The association called the search disproportionate.");
        assertThat(feed.warnings()).contains("dropped 2 control characters that XML does not allow");
    }

    @Test
    void turnsHtmlDescriptionsIntoCleanTextKeepingParagraphsAndDroppingScripts() throws FeedRefused {
        ParsedFeed feed = parse("breakage/html-in-descriptions.xml");

        FeedItem summons = feed.items().get(0);
        assertThat(summons.title()).isEqualTo("Журналистку \"Вечерних ведомостей\" вызвали на допрос");
        assertThat(summons.text()).isEqualTo("Повестку вручили в понедельник.\nДопрос назначен на среду,\nв качестве свидетеля.");
        FeedItem gathering = feed.items().get(1);
        assertThat(gathering.text()).isEqualTo(
                "Жители собрались у сквера.\nСохранить сквер\nПровести публичные слушания\nПолиция «не препятствовала».");
    }

    @Test
    void resolvesRelativeLinksAgainstTheFeedsAddress() throws FeedRefused {
        ParsedFeed feed = new FeedParser().parse(bytes("breakage/relative-links.xml"), null,
                URI.create("https://gazette.example.org/feeds/rss.xml"), FETCHED_AT);

        assertThat(feed.items()).extracting(FeedItem::link).containsExactly(
                URI.create("https://gazette.example.org/news/7"),
                URI.create("https://gazette.example.org/feeds/item-8.html"),
                URI.create("https://mirror.example.net/news/9"),
                null);
    }

    @Test
    void resolvesRelativeLinksAgainstNestedXmlBase() throws FeedRefused {
        ParsedFeed feed = parse("breakage/relative-links-xml-base.xml");

        assertThat(feed.items()).extracting(FeedItem::link).containsExactly(
                URI.create("https://cdn.example.net/mirror/news/10.html"),
                URI.create("https://cdn.example.net/ru/novosti/11.html"),
                URI.create("https://elsewhere.example.org/12"));
    }

    @Test
    void readsCommonDateFormatsIncludingRussianMonthNames() throws FeedRefused {
        Map<String, FeedItem> items = byTitle(parse("breakage/odd-dates.xml"));

        for (String title : List.of("RFC 822", "No weekday, no seconds, a zone name", "Russian weekday and month",
                "Russian words with the year marker", "Day first with dots", "ISO with a space and no zone",
                "English month name first", "Two-digit year")) {
            assertThat(items.get(title).publishedAt()).as(title).isEqualTo(QUARTER_PAST_SEVEN);
            assertThat(items.get(title).dateMissing()).as(title).isFalse();
        }
        assertThat(items.get("Dublin Core with fractions").publishedAt()).isEqualTo(QUARTER_PAST_SEVEN.plusMillis(250));
    }

    @Test
    void fallsBackToTheFetchTimeForAMissingUnreadableOrImpossibleDate() throws FeedRefused {
        ParsedFeed feed = parse("breakage/odd-dates.xml");
        Map<String, FeedItem> items = byTitle(feed);

        for (String title : List.of("A word, not a date", "No date at all", "Far in the future")) {
            assertThat(items.get(title).publishedAt()).as(title).isEqualTo(FETCHED_AT);
            assertThat(items.get(title).dateMissing()).as(title).isTrue();
        }
        assertThat(feed.warnings()).containsExactly("3 items have no usable date; the time of fetching stands in");
    }

    @Test
    void identifiesItemsWithoutGuidByLinkElseByContent() throws FeedRefused {
        ParsedFeed feed = new FeedParser().parse(bytes("breakage/items-without-guids.xml"), null,
                URI.create("https://selo.example.org/rss"), FETCHED_AT);
        Map<String, FeedItem> items = byTitle(feed);

        assertThat(items.get("Только ссылка").identity()).isEqualTo("link:https://selo.example.org/news/1");
        assertThat(items.get("Ни ссылки, ни guid").identity()).matches("content:[0-9a-f]{32}");
        assertThat(items.get("Местный guid").identity()).isEqualTo("guid:https://selo.example.org/rss 12345");
        assertThat(items.get("Глобальный guid").identity()).isEqualTo("guid:tag:selo.example.org,2025:news-6");
    }

    @Test
    void itemsSharingOneLinkAreToldApartByTheirContent() throws FeedRefused {
        ParsedFeed feed = parse("breakage/items-without-guids.xml");
        Map<String, FeedItem> items = byTitle(feed);

        FeedItem first = items.get("Первая новость со ссылкой на главную");
        FeedItem second = items.get("Вторая новость со ссылкой на главную");
        assertThat(first.link()).isEqualTo(second.link());
        assertThat(first.identity()).startsWith("content:").isNotEqualTo(second.identity());
        assertThat(feed.warnings()).contains("1 link is shared by several items; those items are told apart by guid or content");
    }

    @Test
    void skipsItemsWithNothingInThem() throws FeedRefused {
        ParsedFeed feed = parse("breakage/items-without-guids.xml");

        assertThat(feed.items()).hasSize(6);
        assertThat(feed.warnings()).contains("skipped 1 item with no title, text or link");
    }

    @Test
    void anItemKeepsItsIdentityWhenPolledAgain() throws FeedRefused {
        URI feedUrl = URI.create("https://selo.example.org/rss");
        byte[] body = bytes("breakage/items-without-guids.xml");

        List<String> first = new FeedParser().parse(body, null, feedUrl, FETCHED_AT).items().stream().map(FeedItem::identity).toList();
        List<String> again = new FeedParser().parse(body, null, feedUrl, FETCHED_AT.plusSeconds(3600)).items().stream()
                .map(FeedItem::identity).toList();

        assertThat(again).isEqualTo(first).doesNotHaveDuplicates();
    }

    @Test
    void twoFeedsCarryingTheSameArticleAgreeOnItsIdentity() throws FeedRefused {
        String outlet = rss("<item><title>Активистку задержали у суда</title>"
                + "<link>https://News.Example.org:443/2025/03/zaderzhanie/?utm_source=rss&amp;b=2&amp;a=1#comments</link>"
                + "<guid isPermaLink=\"false\">outlet-991</guid></item>");
        String aggregator = rss("<item><title>Задержание у здания суда</title>"
                + "<link>https://news.example.org/2025/03/zaderzhanie?a=1&amp;b=2&amp;fbclid=xyz</link>"
                + "<guid isPermaLink=\"false\">agg-55120</guid></item>");

        FeedItem fromOutlet = parseText(outlet, "https://news.example.org/rss").items().get(0);
        FeedItem fromAggregator = parseText(aggregator, "https://aggregator.example.net/ru/feed").items().get(0);

        assertThat(fromOutlet.identity()).isEqualTo(fromAggregator.identity())
                .isEqualTo("link:https://news.example.org/2025/03/zaderzhanie?a=1&b=2");
    }

    @Test
    void keepsALinkOnACyrillicDomain() throws FeedRefused {
        FeedItem item = parseText(rss("<item><title>Домен</title><link>https://пример.рф/новости/1</link></item>"),
                "https://пример.рф/rss").items().get(0);

        assertThat(item.link()).isEqualTo(URI.create("https://пример.рф/новости/1"));
        assertThat(item.identity()).isEqualTo("link:https://xn--e1afmkfd.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/1");
    }

    @Test
    void findsTheRootPastACommentThatMentionsAFeedTag() throws FeedRefused {
        String xml = "<?xml version=\"1.0\"?>\n<!-- made by a generator that writes <feed> and <rss> -->\n"
                + rss("<item><title>Found</title></item>").substring("<?xml version=\"1.0\" encoding=\"utf-8\"?>".length());

        assertThat(parseText(xml, "https://feeds.example.org/rss").items()).extracting(FeedItem::title).containsExactly("Found");
    }

    private static String rss(String items) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>t</title>" + items + "</channel></rss>";
    }

    private static ParsedFeed parseText(String xml, String feedUrl) throws FeedRefused {
        return new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml", URI.create(feedUrl), FETCHED_AT);
    }

    private static Map<String, FeedItem> byTitle(ParsedFeed feed) {
        return feed.items().stream().collect(Collectors.toMap(FeedItem::title, Function.identity()));
    }
}
