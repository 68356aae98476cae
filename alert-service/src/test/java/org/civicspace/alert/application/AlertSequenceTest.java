package org.civicspace.alert.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicspace.alert.application.AlertReadingServiceTest.stored;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class AlertSequenceTest {

    static final Instant T0 = Instant.parse("2026-11-22T07:00:00Z");
    final AlertSequence sequence = new AlertSequence(Duration.ofSeconds(2));

    @Test
    void anAlertThatOvertookALowerNumberWaitsForItAndBothGoOutInOrder() {
        assertThat(sequence.releasedUpTo()).isEqualTo(Long.MAX_VALUE);
        assertThat(seqs(sequence.arrived(stored(10, "ana", "KZ"), T0))).containsExactly(10L);
        assertThat(seqs(sequence.arrived(stored(12, "ana", "KZ"), T0))).isEmpty();
        assertThat(sequence.releasedUpTo()).isEqualTo(10);

        assertThat(seqs(sequence.arrived(stored(11, "bob", "KG"), T0.plusMillis(40)))).containsExactly(11L, 12L);
        assertThat(sequence.releasedUpTo()).isEqualTo(12);
    }

    @Test
    void aNumberThatNeverComesHoldsTheNextOnlyForTheGapWaitAndComingLateItGoesOutAtOnce() {
        sequence.arrived(stored(20, "ana", "KZ"), T0);
        assertThat(seqs(sequence.arrived(stored(22, "ana", "KZ"), T0))).isEmpty();
        assertThat(seqs(sequence.tick(T0.plusSeconds(1)))).isEmpty();

        assertThat(seqs(sequence.tick(T0.plusSeconds(2)))).containsExactly(22L);
        assertThat(sequence.releasedUpTo()).isEqualTo(22);
        assertThat(seqs(sequence.arrived(stored(21, "ana", "KZ"), T0.plusSeconds(3)))).containsExactly(21L);
        assertThat(seqs(sequence.arrived(stored(23, "ana", "KZ"), T0.plusSeconds(3)))).containsExactly(23L);
    }

    @Test
    void anEventSentAgainAfterItsTurnGoesOutAgainForStreamsToDrop() {
        sequence.arrived(stored(30, "ana", "KZ"), T0);
        sequence.arrived(stored(31, "ana", "KZ"), T0);

        assertThat(seqs(sequence.arrived(stored(31, "ana", "KZ"), T0))).containsExactly(31L);
        assertThat(sequence.releasedUpTo()).isEqualTo(31);
    }

    static List<Long> seqs(List<StoredAlert> alerts) {
        return alerts.stream().map(StoredAlert::seq).toList();
    }
}
