package org.civicspace.classification.evaluation;

import java.util.Set;
import java.util.TreeMap;
import java.util.Map;

import org.civicspace.events.WireName;

/**
 * Precision, recall and F1 of multi-label tagging, counted label by label. Micro scores pool
 * every label's counts; macro scores average the labels that occur in the gold or the output
 * (a label neither side used says nothing, so it does not lift the average).
 *
 * <p>Where a ratio has nothing to count (no label claimed, none expected) it is 1.0 when the
 * other side is empty too — nothing to find and nothing claimed is right — and 0.0 otherwise.
 */
final class LabelScores {

    /** True positives, false positives and false negatives of one label. */
    record Counts(int truePositives, int falsePositives, int falseNegatives) {

        Counts plus(Counts other) {
            return new Counts(truePositives + other.truePositives, falsePositives + other.falsePositives,
                    falseNegatives + other.falseNegatives);
        }

        double precision() {
            return ratio(truePositives, truePositives + falsePositives, falseNegatives == 0);
        }

        double recall() {
            return ratio(truePositives, truePositives + falseNegatives, falsePositives == 0);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final Map<String, Counts> byLabel = new TreeMap<>();

    <T> void add(Set<T> expected, Set<T> got) {
        for (T label : expected) {
            count(name(label), got.contains(label) ? new Counts(1, 0, 0) : new Counts(0, 0, 1));
        }
        for (T label : got) {
            if (!expected.contains(label)) {
                count(name(label), new Counts(0, 1, 0));
            }
        }
    }

    private static String name(Object label) {
        return label instanceof WireName wire ? wire.wireName() : label.toString();
    }

    private void count(String label, Counts counts) {
        byLabel.merge(label, counts, Counts::plus);
    }

    Map<String, Counts> byLabel() {
        return byLabel;
    }

    Counts micro() {
        return byLabel.values().stream().reduce(new Counts(0, 0, 0), Counts::plus);
    }

    double macroPrecision() {
        return byLabel.values().stream().mapToDouble(Counts::precision).average().orElse(1.0);
    }

    double macroRecall() {
        return byLabel.values().stream().mapToDouble(Counts::recall).average().orElse(1.0);
    }

    double macroF1() {
        return byLabel.values().stream().mapToDouble(Counts::f1).average().orElse(1.0);
    }

    static double ratio(int part, int whole, boolean otherSideEmpty) {
        if (whole == 0) {
            return otherSideEmpty ? 1.0 : 0.0;
        }
        return (double) part / whole;
    }
}
