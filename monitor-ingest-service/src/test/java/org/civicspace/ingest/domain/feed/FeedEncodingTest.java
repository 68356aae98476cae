package org.civicspace.ingest.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicspace.ingest.domain.feed.Fixtures.bytes;
import static org.civicspace.ingest.domain.feed.Fixtures.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Every encoding fixture holds the same Russian feed, stored in that encoding's own bytes. */
class FeedEncodingTest {

    private static final String TITLE = "Вестник правозащитника";
    private static final String ITEM_TITLE = "Суд оштрафовал участников пикета у здания администрации";
    private static final String ITEM_TEXT = "Трое активистов получили штрафы. Ещё одного отпустили. Ёлочный базар закрыт.";

    @Test
    void decodesAWindows1251FeedDeclaredOnlyInTheProlog() throws FeedRefused {
        assertReadsTheRussianFeed(parse("encodings/windows-1251-in-prolog.xml"));
    }

    @Test
    void decodesAKoi8rFeedDeclaredOnlyInTheProlog() throws FeedRefused {
        assertReadsTheRussianFeed(parse("encodings/koi8-r-in-prolog.xml"));
    }

    @Test
    void decodesAnIso88595FeedDeclaredOnlyInTheProlog() throws FeedRefused {
        assertReadsTheRussianFeed(parse("encodings/iso-8859-5-in-prolog.xml"));
    }

    @Test
    void decodesAUtf16FeedWithAByteOrderMarkAndADeclaration() throws FeedRefused {
        assertReadsTheRussianFeed(parse("encodings/utf-16le-with-bom.xml"));
    }

    @Test
    void decodesAUtf16FeedKnownOnlyByItsByteOrderMark() throws FeedRefused {
        assertReadsTheRussianFeed(parse("encodings/utf-16be-bom-only.xml"));
    }

    @Test
    void decodesAUtf16FeedWithoutAByteOrderMarkFromItsProlog() throws FeedRefused {
        assertReadsTheRussianFeed(parse("encodings/utf-16be-in-prolog-no-bom.xml"));
    }

    @Test
    void decodesAUtf8FeedKnownOnlyByItsByteOrderMark() throws FeedRefused {
        assertReadsTheRussianFeed(parse("encodings/utf-8-bom-only.xml"));
    }

    @Test
    void decodesAnUndeclaredWindows1251FeedWithTheCharsetFromTheHttpHeader() throws FeedRefused {
        assertReadsTheRussianFeed(parse("encodings/windows-1251-undeclared.xml", "application/rss+xml; charset=windows-1251"));
    }

    @Test
    void theHttpCharsetWinsOverAPrologThatDeclaresAnother() throws FeedRefused {
        assertReadsTheRussianFeed(parse("encodings/windows-1251-prolog-says-koi8-r.xml", "text/xml; Charset=\"Windows-1251\""));
    }

    @Test
    void withoutAnHttpCharsetThePrologIsFollowedEvenWhenItIsWrong() throws FeedRefused {
        ParsedFeed feed = parse("encodings/windows-1251-prolog-says-koi8-r.xml", "text/xml");

        // bytes of windows-1251 read as KOI8-R: what the precedence rule promises, wrong as it is
        String asKoi8 = new String(TITLE.getBytes(Charset.forName("windows-1251")), Charset.forName("KOI8-R"));
        assertThat(feed.title()).isEqualTo(asKoi8).isNotEqualTo(TITLE);
    }

    @Test
    void ignoresAnHttpHeaderClaimingUtf8WhenTheBodyIsNotUtf8() throws FeedRefused {
        ParsedFeed feed = parse("encodings/windows-1251-in-prolog.xml", "application/xml; charset=utf-8");

        assertReadsTheRussianFeed(feed);
        assertThat(feed.warnings()).containsExactly("the HTTP header declares UTF-8, but the body is not UTF-8; the header was ignored");
    }

    @Test
    void ignoresAnHttpCharsetThatContradictsTheByteOrderMark() throws FeedRefused {
        ParsedFeed feed = parse("encodings/utf-8-bom-only.xml", "text/xml; charset=windows-1251");

        assertReadsTheRussianFeed(feed);
        assertThat(feed.warnings()).containsExactly(
                "the HTTP header declares windows-1251, but the body is not windows-1251; the header was ignored");
    }

    @Test
    void ignoresAnUnknownHttpCharsetAndFollowsTheProlog() throws FeedRefused {
        ParsedFeed feed = parse("encodings/koi8-r-in-prolog.xml", "text/xml; charset=x-no-such-charset");

        assertReadsTheRussianFeed(feed);
        assertThat(feed.warnings()).containsExactly("the HTTP header declares the unknown charset x-no-such-charset; it was ignored");
    }

    @Test
    void fallsBackToUtf8WhenNothingIsDeclaredAndSaysSoWhenTheBytesAreNotUtf8() throws FeedRefused {
        ParsedFeed feed = parse("encodings/windows-1251-undeclared.xml");

        assertThat(feed.title()).contains("\uFFFD");
        assertThat(feed.warnings()).containsExactly("the body is not valid UTF-8; characters that could not be read were replaced");
    }

    @Test
    void theFixturesAreStoredInTheirOwnEncodingsNotInUtf8() {
        for (String name : new String[] {"windows-1251-in-prolog.xml", "koi8-r-in-prolog.xml", "iso-8859-5-in-prolog.xml",
                "windows-1251-undeclared.xml", "windows-1251-prolog-says-koi8-r.xml"}) {
            assertThat(isUtf8(bytes("encodings/" + name))).as(name).isFalse();
        }
        assertThat(bytes("encodings/utf-16be-in-prolog-no-bom.xml")).startsWith(0x00, 0x3C, 0x00, 0x3F);
        assertThat(bytes("encodings/utf-16le-with-bom.xml")).startsWith(0xFF, 0xFE, 0x3C, 0x00);
    }

    private static void assertReadsTheRussianFeed(ParsedFeed feed) {
        assertThat(feed.title()).isEqualTo(TITLE);
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo(ITEM_TITLE);
            assertThat(item.text()).isEqualTo(ITEM_TEXT);
            assertThat(item.language()).isEqualTo("ru");
            assertThat(item.dateMissing()).isFalse();
        });
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }
}
