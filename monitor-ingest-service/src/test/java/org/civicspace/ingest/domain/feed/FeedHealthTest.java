package org.civicspace.ingest.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class FeedHealthTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void waitsTheIntervalGiveOrTakeATenthAfterASuccess() {
        assertThat(FeedHealth.nextPoll(NOW, Duration.ofMinutes(30), 0, 0)).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(FeedHealth.nextPoll(NOW, Duration.ofMinutes(30), 0, 1)).isEqualTo(NOW.plus(Duration.ofMinutes(33)));
        assertThat(FeedHealth.nextPoll(NOW, Duration.ofMinutes(30), 0, -1)).isEqualTo(NOW.plus(Duration.ofMinutes(27)));
    }

    @Test
    void doublesTheWaitForEachFailureInARowUpToADay() {
        assertThat(FeedHealth.nextPoll(NOW, Duration.ofMinutes(30), 1, 0)).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(FeedHealth.nextPoll(NOW, Duration.ofMinutes(30), 3, 0)).isEqualTo(NOW.plus(Duration.ofHours(4)));
        assertThat(FeedHealth.nextPoll(NOW, Duration.ofMinutes(30), 40, 0)).isEqualTo(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void countsFailuresInARowAndForgetsThemAfterASuccess() {
        FeedHealth failing = FeedHealth.NEVER_POLLED.failed(NOW, 503, "the server answered 503", NOW)
                .failed(NOW, null, "the connection was refused", NOW);
        assertThat(failing.consecutiveFailures()).isEqualTo(2);
        assertThat(failing.lastError()).isEqualTo("the connection was refused");

        FeedHealth recovered = failing.succeeded(NOW, 200, 3, "\"e1\"", null, List.of(), NOW);
        assertThat(recovered.consecutiveFailures()).isZero();
        assertThat(recovered.lastError()).isNull();
        assertThat(recovered.itemsSeen()).isEqualTo(3);
        assertThat(recovered.etag()).isEqualTo("\"e1\"");
    }

    @Test
    void keepsWhatTheLastParseHadToRepairUntilTheFeedIsReadAgain() {
        List<String> repairs = List.of("skipped 2 items with no title, text or link");
        FeedHealth read = FeedHealth.NEVER_POLLED.succeeded(NOW, 200, 5, null, null, repairs, NOW);
        assertThat(read.warnings()).isEqualTo(repairs);

        // a 304 and a failure leave the body we last read, and so its warnings, as they were
        assertThat(read.notModified(NOW, NOW).warnings()).isEqualTo(repairs);
        assertThat(read.failed(NOW, 503, "the server answered 503", NOW).warnings()).isEqualTo(repairs);

        assertThat(read.succeeded(NOW, 200, 0, null, null, List.of(), NOW).warnings()).isEmpty();
    }
}
