package org.civicspace.alert.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackOffTest {

    private final BackOff backOff = new BackOff(Duration.ofSeconds(30), 2.0, Duration.ofMinutes(30), 0.2);

    @Test
    void doublesTheWaitAfterEachFailureUpToTheMaximum() {
        assertThat(backOff.after(1, 0.5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backOff.after(2, 0.5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backOff.after(3, 0.5)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backOff.after(7, 0.5)).isEqualTo(Duration.ofMinutes(30));
        assertThat(backOff.after(40, 0.5)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void spreadsEachWaitByTheJitterEitherWay() {
        assertThat(backOff.after(2, 0.0)).isEqualTo(Duration.ofSeconds(48));
        assertThat(backOff.after(2, 0.999_999)).isBetween(Duration.ofSeconds(71), Duration.ofSeconds(72));
        assertThat(new BackOff(Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1), 0.0).after(5, 0.9))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void refusesANonsensicalSchedule() {
        assertThatThrownBy(() -> new BackOff(Duration.ZERO, 2.0, Duration.ofSeconds(1), 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackOff(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(1), 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackOff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1), 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackOff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(1), 1.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backOff.after(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
