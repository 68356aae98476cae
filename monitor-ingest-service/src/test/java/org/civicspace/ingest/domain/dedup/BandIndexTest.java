package org.civicspace.ingest.domain.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicspace.ingest.domain.dedup.WireStories.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class BandIndexTest {

    static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
    final NearDuplicates duplicates = new NearDuplicates(NearDuplicates.DEFAULT_THRESHOLD);

    @Test
    void findsTheEarlierTellingsOfAStoryAndNothingForAnotherStory() {
        BandIndex index = new BandIndex(1_000);
        index.add("wire", MONDAY, bands(EN_WIRE_TITLE, EN_WIRE_TEXT));
        index.add("ru-wire", MONDAY, bands(RU_WIRE_TITLE, RU_WIRE_TEXT));

        assertThat(index.sharingABand(bands(EN_OUTLET_A_TITLE, EN_OUTLET_A_TEXT), MONDAY)).containsExactly("wire");
        assertThat(index.sharingABand(bands(RU_OUTLET_B_TITLE, RU_OUTLET_B_TEXT), MONDAY)).containsExactly("ru-wire");
        assertThat(index.sharingABand(bands(EN_OTHER_TITLE, EN_OTHER_TEXT), MONDAY)).isEmpty();
    }

    @Test
    void looksOnlyAtReportsFirstSeenSinceTheGivenTime() {
        BandIndex index = new BandIndex(1_000);
        index.add("wire", MONDAY, bands(EN_WIRE_TITLE, EN_WIRE_TEXT));

        assertThat(index.sharingABand(bands(EN_OUTLET_A_TITLE, EN_OUTLET_A_TEXT), MONDAY.plusSeconds(1))).isEmpty();
    }

    @Test
    void holdsTheLatestReportsUpToItsCapacityAndForgetsTheOldest() {
        BandIndex index = new BandIndex(3);
        List<Long> shared = keys(7);
        for (int i = 0; i < 5; i++) {
            index.add("r" + i, MONDAY.plusSeconds(i), shared);
        }
        index.add("unrelated", MONDAY, keys(1_000));

        assertThat(index.size()).isEqualTo(3);
        assertThat(index.sharingABand(shared, MONDAY)).containsExactlyInAnyOrder("r3", "r4");
        assertThat(index.sharingABand(keys(1_000), MONDAY)).containsExactly("unrelated");
    }

    @Test
    void keepsFindingTheLatestReportsLongAfterTheFirstOnesWereForgotten() {
        BandIndex index = new BandIndex(100);
        for (int i = 0; i < 10_000; i++) {
            index.add("r" + i, MONDAY, keys(i * 32L));
        }

        assertThat(index.sharingABand(keys(9_999 * 32L), MONDAY)).containsExactly("r9999");
        assertThat(index.sharingABand(keys(9_900 * 32L), MONDAY)).containsExactly("r9900");
        assertThat(index.sharingABand(keys(9_899 * 32L), MONDAY)).isEmpty();
    }

    @Test
    void holdsNothingForATextTooShortToCompare() {
        BandIndex index = new BandIndex(10);
        index.add("short", MONDAY, duplicates.sign("Rally", "Police dispersed a rally.", null).bandKeys());

        assertThat(index.size()).isZero();
    }

    private List<Long> bands(String title, String text) {
        return duplicates.sign(title, text, null).bandKeys();
    }

    /** 32 distinct band keys starting at {@code first}, spread by the same mixing the scheme uses. */
    private static List<Long> keys(long first) {
        return new ArrayList<>(LongStream.range(first, first + MinHash.BANDS).map(MinHash::mix).boxed().toList());
    }
}
