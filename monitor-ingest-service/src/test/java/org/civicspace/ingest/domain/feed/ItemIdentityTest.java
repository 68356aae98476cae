package org.civicspace.ingest.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class ItemIdentityTest {

    private static final URI FEED = URI.create("https://outlet.example.org/rss");
    private static final URI OTHER_FEED = URI.create("https://aggregator.example.net/feed");

    @Test
    void theLinkIdentifiesAnItemWhateverItsGuidOrWording() {
        String here = ItemIdentity.of(URI.create("https://outlet.example.org/a/?utm_source=rss"), "outlet-1", FEED, "Title", "Text");
        String there = ItemIdentity.of(URI.create("https://OUTLET.example.org/a"), "agg-77", OTHER_FEED, "Other title", "Other text");

        assertThat(here).isEqualTo(there).isEqualTo("link:https://outlet.example.org/a");
    }

    @Test
    void aGuidWithASchemeIsTheSameInEveryFeed() {
        assertThat(ItemIdentity.of(null, "urn:uuid:0f6e2b1c-7c1e-4a55-9a7e-3d2f1b0c9e88", FEED, "t", "x"))
                .isEqualTo(ItemIdentity.of(null, "urn:uuid:0f6e2b1c-7c1e-4a55-9a7e-3d2f1b0c9e88", OTHER_FEED, "t", "x"))
                .isEqualTo("guid:urn:uuid:0f6e2b1c-7c1e-4a55-9a7e-3d2f1b0c9e88");
    }

    @Test
    void aBareGuidCountsOnlyWithinItsOwnFeed() {
        assertThat(ItemIdentity.of(null, "12345", FEED, "t", "x"))
                .isNotEqualTo(ItemIdentity.of(null, "12345", OTHER_FEED, "t", "x"))
                .isEqualTo("guid:https://outlet.example.org/rss 12345");
    }

    @Test
    void withoutLinkOrGuidTheContentIdentifiesAnItemDespiteCaseAndSpacing() {
        String once = ItemIdentity.of(null, null, FEED, "Пикет у суда", "Троих задержали.\nОдного отпустили.");
        String again = ItemIdentity.of(null, "  ", OTHER_FEED, "  пикет у  суда ", "Троих задержали. Одного отпустили.");

        assertThat(once).isEqualTo(again).matches("content:[0-9a-f]{32}");
        assertThat(ItemIdentity.of(null, null, FEED, "Пикет у суда", "Четверых задержали.")).isNotEqualTo(once);
    }
}
