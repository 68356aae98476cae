package org.civicspace.classification.evaluation;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.civicspace.events.Classification;
import org.civicspace.events.Urgency;

/** The scores of the classifier over a group of gold items (all of them, or those of one language). */
final class Scores {

    private int items;
    private int countriesRight;
    private final LabelScores otherCountries = new LabelScores();
    private final LabelScores freedoms = new LabelScores();
    private final LabelScores violations = new LabelScores();
    /** Rows: the gold urgency; columns: the classifier's, both in {@link Urgency} order. */
    private final int[][] urgency = new int[Urgency.values().length][Urgency.values().length];

    void add(GoldItem gold, Classification got) {
        items++;
        if (gold.country().equals(got.country())) {
            countriesRight++;
        }
        otherCountries.add(new HashSet<>(gold.otherCountries()), new HashSet<>(got.otherCountries()));
        freedoms.add(gold.freedoms(), got.freedoms());
        violations.add(gold.violationTypes(), got.violationTypes());
        urgency[gold.urgency().ordinal()][got.urgency().ordinal()]++;
    }

    int items() {
        return items;
    }

    double countryAccuracy() {
        return LabelScores.ratio(countriesRight, items, true);
    }

    LabelScores otherCountries() {
        return otherCountries;
    }

    LabelScores freedoms() {
        return freedoms;
    }

    LabelScores violations() {
        return violations;
    }

    int urgencyCount(Urgency gold, Urgency got) {
        return urgency[gold.ordinal()][got.ordinal()];
    }

    double recall(Urgency level) {
        return LabelScores.ratio(urgencyCount(level, level), expected(level), claimed(level) == 0);
    }

    double precision(Urgency level) {
        return LabelScores.ratio(urgencyCount(level, level), claimed(level), expected(level) == 0);
    }

    /** Items whose gold urgency is {@code level}. */
    private int expected(Urgency level) {
        int count = 0;
        for (Urgency other : Urgency.values()) {
            count += urgencyCount(level, other);
        }
        return count;
    }

    /** Items the classifier gave {@code level}. */
    private int claimed(Urgency level) {
        int count = 0;
        for (Urgency other : Urgency.values()) {
            count += urgencyCount(other, level);
        }
        return count;
    }

    /** The headline figures under the names the JSON output uses. */
    Map<String, Object> headline() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("items", items);
        figures.put("country_accuracy", round(countryAccuracy()));
        figures.put("other_countries_micro_f1", round(otherCountries.micro().f1()));
        putSet(figures, "freedoms", freedoms);
        putSet(figures, "violations", violations);
        figures.put("urgent_recall", round(recall(Urgency.URGENT)));
        figures.put("urgent_precision", round(precision(Urgency.URGENT)));
        figures.put("not_relevant_precision", round(precision(Urgency.NOT_RELEVANT)));
        figures.put("not_relevant_recall", round(recall(Urgency.NOT_RELEVANT)));
        figures.put("urgency_accuracy", round(urgencyAccuracy()));
        return figures;
    }

    double urgencyAccuracy() {
        int right = 0;
        for (Urgency level : Urgency.values()) {
            right += urgencyCount(level, level);
        }
        return LabelScores.ratio(right, items, true);
    }

    private static void putSet(Map<String, Object> figures, String name, LabelScores scores) {
        LabelScores.Counts micro = scores.micro();
        figures.put(name + "_micro_precision", round(micro.precision()));
        figures.put(name + "_micro_recall", round(micro.recall()));
        figures.put(name + "_micro_f1", round(micro.f1()));
        figures.put(name + "_macro_precision", round(scores.macroPrecision()));
        figures.put(name + "_macro_recall", round(scores.macroRecall()));
        figures.put(name + "_macro_f1", round(scores.macroF1()));
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
