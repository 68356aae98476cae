package org.civicspace.ingest.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicspace.ingest.domain.feed.Fixtures.parse;

import java.net.URI;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class FeedFormatsTest {

    @Test
    void readsRss090WithItsItemsBesideTheChannel() throws FeedRefused {
        ParsedFeed feed = parse("formats/rss-0.90.xml");

        assertThat(feed.title()).isEqualTo("Riverside Civic Notes");
        assertThat(feed.items()).extracting(FeedItem::title).containsExactly(
                "Council closes the public gallery for the budget debate",
                "Petition on the river park passes two thousand names");
        assertThat(feed.items().get(0).link()).isEqualTo(URI.create("https://notes.example.org/2025/gallery-closed"));
        // RSS 0.90 has no dates at all
        assertThat(feed.items()).allMatch(FeedItem::dateMissing);
        assertThat(feed.warnings()).containsExactly("2 items have no usable date; the time of fetching stands in");
    }

    @Test
    void readsRss091WithItsLatin1TextAndLanguage() throws FeedRefused {
        FeedItem item = parse("formats/rss-0.91.xml").items().get(0);

        assertThat(item.title()).isEqualTo("Dockworkers' march may proceed along the quay");
        assertThat(item.text()).isEqualTo("The town withdrew its objection after a meeting at the Café Solidarité.");
        assertThat(item.language()).isEqualTo("en");
        assertThat(item.guid()).isNull();
        assertThat(item.dateMissing()).isTrue();
    }

    @Test
    void readsRss092WithItsEscapedHtmlDescriptionAsText() throws FeedRefused {
        ParsedFeed feed = parse("formats/rss-0.92.xml");

        assertThat(feed.title()).isEqualTo("Гражданский вестник Приозёрска");
        FeedItem item = feed.items().get(0);
        assertThat(item.title()).isEqualTo("Клубу краеведов в третий раз отказали в регистрации");
        assertThat(item.text()).isEqualTo("Управление юстиции снова вернуло документы клуба без объяснения причин.");
        assertThat(item.language()).isEqualTo("ru");
    }

    @Test
    void readsRss10WithRdfAboutAsGuidFullContentAndDublinCoreDates() throws FeedRefused {
        ParsedFeed feed = parse("formats/rss-1.0.xml");

        assertThat(feed.title()).isEqualTo("Степной монитор");
        FeedItem first = feed.items().get(0);
        assertThat(first.guid()).isEqualTo("https://monitor.example.net/2025/03/piket");
        assertThat(first.text()).isEqualTo("Участника пикета доставили в отдел полиции.\nЧерез три часа его отпустили без протокола.");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2025-03-04T04:30:00Z"));
        assertThat(first.dateMissing()).isFalse();
        assertThat(first.language()).isEqualTo("ru");
        assertThat(feed.items().get(1).text()).isEqualTo("Организаторы не получили разрешения на аренду зала.");
    }

    @Test
    void readsRss20PreferringFullContentAndUsingAPermalinkGuidAsTheLink() throws FeedRefused {
        ParsedFeed feed = parse("formats/rss-2.0.xml");

        FeedItem seized = feed.items().get(0);
        assertThat(seized.guid()).isEqualTo("log-2025-0117");
        assertThat(seized.link()).isEqualTo(URI.create("https://log.example.com/2025/03/camera-seized"));
        assertThat(seized.text()).isEqualTo("Security staff took the camera and deleted the footage.\nThe paper has asked for an explanation.");
        assertThat(seized.publishedAt()).isEqualTo(Instant.parse("2025-03-05T14:20:00Z"));
        assertThat(seized.language()).isEqualTo("en");
        FeedItem renewed = feed.items().get(1);
        assertThat(renewed.link()).isEqualTo(URI.create("https://log.example.com/2025/03/licence-renewed"));
        assertThat(renewed.publishedAt()).isEqualTo(Instant.parse("2025-03-03T14:00:00Z"));
        assertThat(feed.warnings()).isEmpty();
    }

    @Test
    void readsAtom03WithItsIssuedDateAndEscapedHtmlContent() throws FeedRefused {
        ParsedFeed feed = parse("formats/atom-0.3.xml");

        assertThat(feed.title()).isEqualTo("Lakeside Association Register");
        FeedItem item = feed.items().get(0);
        assertThat(item.title()).isEqualTo("Tenants' union files its papers for the fourth time");
        assertThat(item.link()).isEqualTo(URI.create("https://register.example.org/entries/tenants-union"));
        assertThat(item.guid()).isEqualTo("tag:register.example.org,2025:entry-41");
        assertThat(item.text()).isEqualTo("The registrar asked for a notarised list of members.");
        assertThat(item.publishedAt()).isEqualTo(Instant.parse("2025-03-05T12:00:00Z"));
        assertThat(item.language()).isEqualTo("en");
    }

    @Test
    void readsAtom10WithXhtmlContentXmlBaseAndXmlLang() throws FeedRefused {
        ParsedFeed feed = parse("formats/atom-1.0.xml");

        assertThat(feed.title()).isEqualTo("Журнал наблюдателя");
        FeedItem ruling = feed.items().get(0);
        assertThat(ruling.title()).isEqualTo("Суд оставил в силе штраф редактору");
        assertThat(ruling.link()).isEqualTo(URI.create("https://zhurnal.example.org/ru/2025/03/shtraf-redaktoru"));
        assertThat(ruling.text()).isEqualTo("Апелляционная инстанция не нашла нарушений.\nРедакция намерена обжаловать решение дальше.");
        assertThat(ruling.publishedAt()).isEqualTo(Instant.parse("2025-03-05T08:00:00Z"));
        assertThat(ruling.language()).isEqualTo("ru");
        FeedItem statement = feed.items().get(1);
        assertThat(statement.link()).isEqualTo(URI.create("https://zhurnal.example.org/en/statements/assembly-rules"));
        assertThat(statement.language()).isEqualTo("en");
        assertThat(statement.publishedAt()).isEqualTo(Instant.parse("2025-03-04T08:00:00Z"));
        assertThat(statement.text()).isEqualTo("The rules require notice fourteen days ahead.");
    }
}
