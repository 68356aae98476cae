package org.civicspace.ingest.domain.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://feeds.example/rss", "http://feeds.example:8080/atom.xml", "HTTPS://Feeds.Example/"})
    void takesHttpAndHttpsUrls(String url) {
        assertThat(FeedUrls.refusal(URI.create(url))).isEmpty();
    }

    @Test
    void refusesEveryOtherScheme() {
        assertThat(FeedUrls.refusal(URI.create("gopher://feeds.example:70/1")))
                .contains("the URL gopher://feeds.example:70/1 is not http or https");
        assertThat(FeedUrls.refusal(URI.create("file:///etc/passwd"))).isPresent();
        assertThat(FeedUrls.refusal(URI.create("/relative/feed.xml"))).isPresent();
        assertThat(FeedUrls.refusal(URI.create("http:///no-host"))).contains("the URL http:///no-host has no host name");
    }

    @Test
    void resolvesARelativeLocationAgainstTheUrlThatAnswered() {
        URI from = URI.create("https://feeds.example/a/rss");

        assertThat(FeedUrls.resolve(from, "../b/rss")).contains(URI.create("https://feeds.example/b/rss"));
        assertThat(FeedUrls.resolve(from, "//mirror.example/rss")).contains(URI.create("https://mirror.example/rss"));
        assertThat(FeedUrls.resolve(from, "http://exa mple/")).isEmpty();
    }

    @Test
    void refusesARedirectDownFromHttpsToHttp() {
        assertThat(FeedUrls.redirectRefusal(URI.create("https://feeds.example/rss"), URI.create("http://feeds.example/rss")))
                .contains("the redirect to http://feeds.example/rss would downgrade from https");
        assertThat(FeedUrls.redirectRefusal(URI.create("http://feeds.example/rss"), URI.create("https://feeds.example/rss")))
                .isEmpty();
        assertThat(FeedUrls.redirectRefusal(URI.create("http://feeds.example/rss"), URI.create("http://other.example/rss")))
                .isEmpty();
    }

    @Test
    void refusesARedirectToAnotherScheme() {
        URI from = URI.create("http://feeds.example/rss");

        assertThat(FeedUrls.redirectRefusal(from, URI.create("file:///etc/passwd")))
                .contains("the redirect to file:///etc/passwd is not http or https");
        assertThat(FeedUrls.redirectRefusal(from, URI.create("gopher://127.0.0.1:11211/_stats"))).isPresent();
    }
}
