package org.civicspace.export.update.render;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.civicspace.events.Freedom;
import org.civicspace.export.domain.MonthlyCount;

/**
 * Where the bars of the monthly chart go — one group per month, one bar per freedom — in a plot
 * area of the given size with its origin at the bottom left, so the SVG of the html export and
 * the drawing of the pdf export show the same chart. The scale ends on a round number.
 */
record MonthlyChart(List<Bar> bars, List<Tick> ticks, List<MonthLabel> months, int scale) {

    /** A bar: its month's index, freedom, count and rectangle (y up from the plot's bottom). */
    record Bar(int month, Freedom freedom, int count, double x, double y, double width, double height) {
    }

    /** A value on the vertical axis and its height. */
    record Tick(int value, double y) {
    }

    /** A month's name under its group ("Oct") and, for the first month and every January, its year. */
    record MonthLabel(String name, String year, double x) {
    }

    private static final double GROUP_FILL = 0.8;

    static MonthlyChart of(List<MonthlyCount> counts, double width, double height) {
        int highest = counts.stream()
                .flatMap(count -> count.byFreedom().values().stream())
                .mapToInt(Integer::intValue).max().orElse(0);
        int step = step(highest);
        int scale = Math.max(step, (highest + step - 1) / step * step);
        double group = counts.isEmpty() ? width : width / counts.size();
        // with few months the bars would be slabs: no wider than a 24th of the plot
        double barWidth = Math.min(group * GROUP_FILL / Freedom.values().length, width / 24);
        List<Bar> bars = new ArrayList<>();
        List<MonthLabel> months = new ArrayList<>();
        for (int m = 0; m < counts.size(); m++) {
            MonthlyCount count = counts.get(m);
            double left = m * group + (group - barWidth * Freedom.values().length) / 2;
            for (Freedom freedom : Freedom.values()) {
                int value = count.byFreedom().get(freedom);
                if (value > 0) {
                    bars.add(new Bar(m, freedom, value, left + freedom.ordinal() * barWidth, 0,
                            barWidth, height * value / scale));
                }
            }
            Month month = count.month().getMonth();
            boolean showYear = m == 0 || month == Month.JANUARY;
            months.add(new MonthLabel(month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
                    showYear ? String.valueOf(count.month().getYear()) : "", m * group + group / 2));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int value = 0; value <= scale; value += step) {
            ticks.add(new Tick(value, height * value / scale));
        }
        return new MonthlyChart(List.copyOf(bars), List.copyOf(ticks), List.copyOf(months), scale);
    }

    /** Colour-blind-safe colours (Okabe–Ito), the same in every export that draws the chart. */
    static String colour(Freedom freedom) {
        return switch (freedom) {
            case ASSOCIATION -> "#0072b2";
            case PEACEFUL_ASSEMBLY -> "#e69f00";
            case EXPRESSION -> "#009e73";
        };
    }

    /** 1, 2 or 5 times a power of ten, so the axis has at most five steps above zero. */
    private static int step(int highest) {
        int step = 1;
        while (true) {
            for (int factor : new int[] {1, 2, 5}) {
                if (highest <= (long) step * factor * 5) {
                    return step * factor;
                }
            }
            step *= 10;
        }
    }
}
