package org.civicspace.classification.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;

import org.civicspace.events.Classification;
import org.civicspace.events.Freedom;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;
import org.junit.jupiter.api.Test;

/** The metrics on gold sets small enough to count by hand. */
class ScoresTest {

    @Test
    void countsCountryAccuracyAndMicroAndMacroScoresOfTheViolationTypes() {
        // gold {hrd_detained, judicial_harassment}, got {hrd_detained}: tp hrd 1, fn judicial 1
        // gold {censorship}, got {censorship, surveillance}: tp censorship 1, fp surveillance 1
        Scores scores = new Scores();
        scores.add(gold("a", "KZ", Set.of(ViolationType.HRD_DETAINED, ViolationType.JUDICIAL_HARASSMENT), Urgency.URGENT),
                got("KZ", Set.of(ViolationType.HRD_DETAINED), Urgency.URGENT));
        scores.add(gold("b", "KG", Set.of(ViolationType.CENSORSHIP), Urgency.HIGH),
                got("UZ", Set.of(ViolationType.CENSORSHIP, ViolationType.SURVEILLANCE), Urgency.HIGH));

        assertThat(scores.items()).isEqualTo(2);
        assertThat(scores.countryAccuracy()).isEqualTo(0.5);
        LabelScores.Counts micro = scores.violations().micro();
        assertThat(micro).isEqualTo(new LabelScores.Counts(2, 1, 1));
        assertThat(micro.precision()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(micro.recall()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(micro.f1()).isCloseTo(2 / 3.0, within(1e-9));
        // per label F1: hrd 1, censorship 1, judicial 0 (missed), surveillance 0 (wrongly claimed)
        assertThat(scores.violations().macroF1()).isCloseTo(0.5, within(1e-9));
        assertThat(scores.violations().macroPrecision()).isCloseTo(0.5, within(1e-9));
        assertThat(scores.violations().byLabel()).containsOnlyKeys(
                "hrd_detained", "judicial_harassment", "censorship", "surveillance");
    }

    @Test
    void anItemWithNoViolationExpectedAndNoneFoundIsRightAndCountsForNothing() {
        Scores scores = new Scores();
        scores.add(gold("a", "ZZ", Set.of(), Urgency.NOT_RELEVANT), got("ZZ", Set.of(), Urgency.NOT_RELEVANT));

        assertThat(scores.violations().micro()).isEqualTo(new LabelScores.Counts(0, 0, 0));
        assertThat(scores.violations().micro().f1()).isEqualTo(1.0);
        assertThat(scores.violations().macroF1()).isEqualTo(1.0);
    }

    @Test
    void precisionIsZeroWhenNothingWasClaimedButSomethingWasExpected() {
        Scores scores = new Scores();
        scores.add(gold("a", "RU", Set.of(ViolationType.CENSORSHIP), Urgency.HIGH), got("RU", Set.of(), Urgency.ROUTINE));

        assertThat(scores.violations().micro().precision()).isZero();
        assertThat(scores.violations().micro().recall()).isZero();
        assertThat(scores.violations().micro().f1()).isZero();
    }

    @Test
    void urgentRecallAndPrecisionAndNotRelevantPrecisionComeFromTheConfusionMatrix() {
        Scores scores = new Scores();
        // gold urgent: 3, of which 2 found urgent and 1 called high
        scores.add(gold("1", "BY", Set.of(), Urgency.URGENT), got("BY", Set.of(), Urgency.URGENT));
        scores.add(gold("2", "BY", Set.of(), Urgency.URGENT), got("BY", Set.of(), Urgency.URGENT));
        scores.add(gold("3", "BY", Set.of(), Urgency.URGENT), got("BY", Set.of(), Urgency.HIGH));
        // a high item called urgent: urgent precision 2 of 3
        scores.add(gold("4", "BY", Set.of(), Urgency.HIGH), got("BY", Set.of(), Urgency.URGENT));
        // not_relevant called twice, right once: precision 1/2; the gold not_relevant was found: recall 1
        scores.add(gold("5", "ZZ", Set.of(), Urgency.NOT_RELEVANT), got("ZZ", Set.of(), Urgency.NOT_RELEVANT));
        scores.add(gold("6", "BY", Set.of(), Urgency.ROUTINE), got("BY", Set.of(), Urgency.NOT_RELEVANT));

        assertThat(scores.urgencyCount(Urgency.URGENT, Urgency.URGENT)).isEqualTo(2);
        assertThat(scores.urgencyCount(Urgency.URGENT, Urgency.HIGH)).isEqualTo(1);
        assertThat(scores.urgencyCount(Urgency.ROUTINE, Urgency.NOT_RELEVANT)).isEqualTo(1);
        assertThat(scores.recall(Urgency.URGENT)).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(scores.precision(Urgency.URGENT)).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(scores.precision(Urgency.NOT_RELEVANT)).isEqualTo(0.5);
        assertThat(scores.recall(Urgency.NOT_RELEVANT)).isEqualTo(1.0);
        assertThat(scores.urgencyAccuracy()).isCloseTo(3 / 6.0, within(1e-9));
    }

    @Test
    void freedomsAreScoredAsSetsToo() {
        Scores scores = new Scores();
        scores.add(gold("a", "GE", Set.of(), Urgency.ROUTINE, Set.of(Freedom.PEACEFUL_ASSEMBLY, Freedom.EXPRESSION)),
                new Classification("en", "GE", List.of(), Set.of(Freedom.PEACEFUL_ASSEMBLY, Freedom.ASSOCIATION),
                        Set.of(), Urgency.ROUTINE, List.of(), "test"));

        assertThat(scores.freedoms().micro()).isEqualTo(new LabelScores.Counts(1, 1, 1));
        assertThat(scores.freedoms().micro().f1()).isEqualTo(0.5);
        // assembly 1, expression 0, association 0
        assertThat(scores.freedoms().macroF1()).isCloseTo(1 / 3.0, within(1e-9));
    }

    @Test
    void headlineFiguresAreRoundedToFourPlaces() {
        Scores scores = new Scores();
        scores.add(gold("1", "KZ", Set.of(), Urgency.URGENT), got("KZ", Set.of(), Urgency.URGENT));
        scores.add(gold("2", "KZ", Set.of(), Urgency.URGENT), got("KG", Set.of(), Urgency.URGENT));
        scores.add(gold("3", "KZ", Set.of(), Urgency.URGENT), got("KG", Set.of(), Urgency.URGENT));

        assertThat(scores.headline()).containsEntry("items", 3).containsEntry("country_accuracy", 0.3333);
    }

    static GoldItem gold(String id, String country, Set<ViolationType> violations, Urgency urgency) {
        return gold(id, country, violations, urgency, Set.of());
    }

    static GoldItem gold(String id, String country, Set<ViolationType> violations, Urgency urgency, Set<Freedom> freedoms) {
        return new GoldItem(id, "en", "", "", country, List.of(), freedoms, violations, urgency);
    }

    static Classification got(String country, Set<ViolationType> violations, Urgency urgency) {
        return new Classification("en", country, List.of(), Set.of(), violations, urgency, List.of(), "test");
    }
}
