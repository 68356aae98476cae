package org.civicspace.alert.domain.urgent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.civicspace.alert.domain.incident.Incident;
import org.civicspace.alert.domain.incident.IncidentStatus;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Urgency;
import org.junit.jupiter.api.Test;

class UrgentActionTest {

    static final Instant OPENED = Instant.parse("2026-11-20T09:00:00Z");
    static final Duration AFTER = Duration.ofMinutes(15);

    final UrgentAction opened = UrgentAction.open(new Incident("inc-1", "KZ", OPENED, OPENED, List.of("r-1"),
            Set.of("feed:a"), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Urgency.URGENT, Sensitivity.PUBLIC,
            "Defender detained", IncidentStatus.OPEN, null, 1), OPENED);

    @Test
    void tellsTheFirstPersonAtOnceAndTheNextOnlyWhenTheTimeIsUp() {
        assertThat(opened.id()).isEqualTo("ua-inc-1");
        assertThat(opened.nextLevel(OPENED, AFTER, 3)).isZero();

        UrgentAction first = opened.notified(0, "duty-1", OPENED);

        assertThat(first.nextLevel(OPENED.plus(AFTER).minusSeconds(1), AFTER, 3)).isEqualTo(-1);
        assertThat(first.nextLevel(OPENED.plus(AFTER), AFTER, 3)).isEqualTo(1);
        UrgentAction last = first.notified(1, "duty-2", OPENED.plus(AFTER)).notified(2, "duty-3",
                OPENED.plus(AFTER.multipliedBy(2)));
        assertThat(last.nextLevel(OPENED.plus(Duration.ofDays(1)), AFTER, 3)).as("nobody left").isEqualTo(-1);
        assertThat(last.steps()).extracting(UrgentAction.Step::kind)
                .containsExactly("opened", "notified", "escalated", "escalated");
    }

    @Test
    void anAcknowledgementStopsEscalationAndKeepsWhoDidItFirst() {
        UrgentAction acknowledged = opened.notified(0, "duty-1", OPENED)
                .acknowledged("ada", OPENED.plusSeconds(60));

        assertThat(acknowledged.nextLevel(OPENED.plus(Duration.ofHours(1)), AFTER, 3)).isEqualTo(-1);
        assertThat(acknowledged.acknowledged("bea", OPENED.plusSeconds(120))).isSameAs(acknowledged);
        assertThat(acknowledged.steps().get(2)).isEqualTo(
                new UrgentAction.Step(OPENED.plusSeconds(60), "acknowledged", "ada", List.of()));
    }

    @Test
    void aResolvedIncidentClosesItsActionSoNobodyMoreIsTold() {
        UrgentAction resolved = opened.notified(0, "duty-1", OPENED).resolved(OPENED.plusSeconds(90));

        assertThat(resolved.wasResolved()).isTrue();
        assertThat(resolved.nextLevel(OPENED.plus(Duration.ofHours(1)), AFTER, 3)).isEqualTo(-1);
        assertThat(resolved.steps()).extracting(UrgentAction.Step::kind).containsExactly("opened", "notified", "resolved");
        assertThat(resolved.acknowledged("ada", OPENED.plusSeconds(120))).as("already closed").isSameAs(resolved);
        UrgentAction acknowledged = opened.acknowledged("ada", OPENED.plusSeconds(30));
        assertThat(acknowledged.resolved(OPENED.plusSeconds(90))).isSameAs(acknowledged);
        assertThat(acknowledged.wasResolved()).isFalse();
    }
}
