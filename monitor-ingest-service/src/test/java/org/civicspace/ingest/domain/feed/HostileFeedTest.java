package org.civicspace.ingest.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.civicspace.ingest.domain.feed.Fixtures.FETCHED_AT;
import static org.civicspace.ingest.domain.feed.Fixtures.aimedAt;
import static org.civicspace.ingest.domain.feed.Fixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile feeds aim their entities and DTDs at a named pipe: opening it for reading blocks until
 * someone writes, so a parser that so much as opened the file would hang past the time limit.
 */
class HostileFeedTest {

    private static final URI FEED_URL = URI.create("https://hostile.example.org/rss");
    private static final Duration QUICKLY = Duration.ofSeconds(2);
    private static final String DOCTYPE_REFUSED = "the feed declares a DOCTYPE, which we never process";

    @TempDir
    static Path folder;
    private static Path trap;

    @BeforeAll
    static void laysTheTrap() throws IOException, InterruptedException {
        trap = folder.resolve("secret");
        Process mkfifo = new ProcessBuilder("mkfifo", trap.toString()).start();
        if (mkfifo.waitFor() != 0) {
            // without mkfifo the refusal is still tested, only without proof that nothing was opened
            Files.writeString(trap, "a secret that must never reach a feed item");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hostile/xxe-file-entity.xml", "hostile/xxe-parameter-entity.xml", "hostile/external-dtd.xml",
            "hostile/xxe-in-utf-16.xml", "hostile/doctype-behind-a-decoy-root.xml"})
    void refusesADoctypeAimedAtALocalFileQuicklyAndWithoutOpeningIt(String fixture) {
        byte[] body = aimedAt(fixture, trap.toString());

        FeedRefused refused = assertTimeoutPreemptively(QUICKLY, () -> catchThrowableOfType(FeedRefused.class,
                () -> new FeedParser().parse(body, "application/rss+xml", FEED_URL, FETCHED_AT)));

        assertThat(refused).as(fixture).isNotNull();
        assertThat(refused.reason()).isEqualTo(DOCTYPE_REFUSED);
    }

    @Test
    void refusesBillionLaughsWithoutExpandingAnything() {
        byte[] body = bytes("hostile/billion-laughs.xml");

        FeedRefused refused = assertTimeoutPreemptively(QUICKLY, () -> catchThrowableOfType(FeedRefused.class,
                () -> new FeedParser().parse(body, null, FEED_URL, FETCHED_AT)));

        assertThat(refused.reason()).isEqualTo(DOCTYPE_REFUSED);
    }

    @Test
    void theXmlParserItselfRefusesADoctypeShouldOneEverGetPastTheRepair() {
        String xml = "<!DOCTYPE rss [<!ENTITY secret SYSTEM \"file://" + trap + "\">]><rss version=\"2.0\">&secret;</rss>";

        FeedRefused refused = assertTimeoutPreemptively(QUICKLY, () -> catchThrowableOfType(FeedRefused.class,
                () -> SafeXml.parse(xml)));

        assertThat(refused.reason()).isEqualTo(DOCTYPE_REFUSED);
    }

    @Test
    void refusesAnHtmlPageSayingWhatItIs() {
        assertThatThrownBy(() -> new FeedParser().parse(bytes("not-feeds/html-page.html"), "text/html", FEED_URL, FETCHED_AT))
                .isInstanceOf(FeedRefused.class)
                .hasMessage("the address serves an HTML page, not an RSS or Atom feed");
    }

    @Test
    void refusesXmlThatIsNeitherRssNorAtom() {
        assertThatThrownBy(() -> new FeedParser().parse(bytes("not-feeds/not-a-feed.xml"), null, FEED_URL, FETCHED_AT))
                .isInstanceOf(FeedRefused.class)
                .hasMessage("the document is XML, but neither RSS nor Atom (its root element is <urlset>)");
    }

    @Test
    void refusesATruncatedFeedSayingWhereItBreaks() {
        assertThatThrownBy(() -> new FeedParser().parse(bytes("not-feeds/truncated.xml"), null, FEED_URL, FETCHED_AT))
                .isInstanceOf(FeedRefused.class)
                .hasMessageStartingWith("the feed is not well-formed XML, even after repair (line ");
    }

    @Test
    void refusesAnEmptyBody() {
        assertThatThrownBy(() -> new FeedParser().parse(new byte[0], "application/rss+xml", FEED_URL, FETCHED_AT))
                .isInstanceOf(FeedRefused.class)
                .hasMessage("the feed is empty");
    }

    @Test
    void keepsOnlyTheNewestItemsAboveTheCapInTheFeedsOrder() throws FeedRefused {
        StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel><title>Many</title>");
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        int[] days = {7, 2, 9, 0, 5, 8, 1, 6, 3, 4};
        for (int day : days) {
            xml.append("<item><title>day ").append(day).append("</title><link>https://many.example.org/").append(day)
                    .append("</link><pubDate>").append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                            .format(start.plus(Duration.ofDays(day)).atOffset(java.time.ZoneOffset.UTC)))
                    .append("</pubDate></item>");
        }
        xml.append("</channel></rss>");

        ParsedFeed feed = new FeedParser(4).parse(xml.toString().getBytes(StandardCharsets.UTF_8), null, FEED_URL, FETCHED_AT);

        assertThat(feed.items()).extracting(FeedItem::title).containsExactly("day 7", "day 9", "day 8", "day 6");
        assertThat(feed.warnings()).containsExactly("the feed has 10 items; kept the newest 4");
    }

    @Test
    void warningsNeverQuoteAnItemsText() throws FeedRefused {
        ParsedFeed feed = Fixtures.parse("breakage/stray-ampersands-and-entities.xml");

        assertThat(feed.warnings()).isNotEmpty().allSatisfy(warning -> {
            for (FeedItem item : feed.items()) {
                assertThat(warning).doesNotContain(item.title()).doesNotContain(item.text());
            }
        });
    }
}
