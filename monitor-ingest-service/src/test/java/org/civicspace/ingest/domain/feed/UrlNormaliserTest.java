package org.civicspace.ingest.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlNormaliserTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            HTTPS://News.Example.ORG/World/Story           | https://news.example.org/World/Story
            http://example.org:80/a                         | http://example.org/a
            https://example.org:443/a                       | https://example.org/a
            https://example.org:8443/a                      | https://example.org:8443/a
            https://reader:secret@example.org/a#comments    | https://example.org/a
            https://example.org/a/?utm_source=rss&UTM_Medium=feed&fbclid=1&gclid=2&yclid=3 | https://example.org/a
            https://example.org/a?z=3&a=1&m=2&utm_campaign=x | https://example.org/a?a=1&m=2&z=3
            https://example.org/                            | https://example.org
            https://example.org/a/b//                       | https://example.org/a/b
            https://example.org/a/./b/../c                  | https://example.org/a/c
            https://example.org/a%2fb?q=%c3%a9              | https://example.org/a%2Fb?q=%C3%A9
            """)
    void spellsALinkTheOneWayEveryFeedAgreesOn(String link, String normalised) {
        assertThat(UrlNormaliser.normalise(URI.create(link))).isEqualTo(normalised);
    }

    @Test
    void spellsACyrillicHostAndPathLikeTheirAsciiForms() {
        String unicode = UrlNormaliser.normalise(URI.create("https://пример.рф/новости/"));
        String ascii = UrlNormaliser.normalise(URI.create("https://XN--E1AFMKFD.xn--p1ai/%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d0%b8"));

        assertThat(unicode).isEqualTo(ascii).isEqualTo("https://xn--e1afmkfd.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8");
    }

    @Test
    void normalisesOnlyAbsoluteWebLinks() {
        assertThatThrownBy(() -> UrlNormaliser.normalise(URI.create("/news/7"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UrlNormaliser.normalise(URI.create("mailto:editor@example.org"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UrlNormaliser.normalise(URI.create("file:///etc/hostname"))).isInstanceOf(IllegalArgumentException.class);
    }
}
