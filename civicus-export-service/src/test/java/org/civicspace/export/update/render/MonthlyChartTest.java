package org.civicspace.export.update.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.civicspace.events.Freedom;
import org.civicspace.export.domain.MonthlyCount;
import org.junit.jupiter.api.Test;

class MonthlyChartTest {

    @Test
    void scalesToARoundNumberAboveTheHighestCount() {
        assertThat(chartOf(0).scale()).isEqualTo(1);
        assertThat(chartOf(4).scale()).isEqualTo(4);
        assertThat(chartOf(7).scale()).isEqualTo(8);
        assertThat(chartOf(23).scale()).isEqualTo(25);
        assertThat(chartOf(230).scale()).isEqualTo(250);
        assertThat(chartOf(23).ticks()).extracting(MonthlyChart.Tick::value).containsExactly(0, 5, 10, 15, 20, 25);
    }

    @Test
    void placesABarPerFreedomPerMonthLeftToRightAndHeightByCount() {
        List<MonthlyCount> counts = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            counts.add(new MonthlyCount(YearMonth.of(2026, m), m, Map.of(Freedom.ASSOCIATION, m, Freedom.EXPRESSION, 1)));
        }
        counts.add(new MonthlyCount(YearMonth.of(2027, 1), 0, Map.of()));

        MonthlyChart chart = MonthlyChart.of(counts, 650, 100);

        assertThat(chart.bars()).hasSize(24);
        assertThat(chart.bars()).isSortedAccordingTo((a, b) -> Double.compare(a.x(), b.x()));
        assertThat(chart.bars()).allSatisfy(bar -> {
            assertThat(bar.x()).isBetween(0.0, 650.0 - bar.width());
            assertThat(bar.height()).isEqualTo(100.0 * bar.count() / chart.scale());
        });
        assertThat(chart.months()).extracting(label -> label.name() + label.year())
                .startsWith("Jan2026", "Feb", "Mar").endsWith("Dec", "Jan2027");
    }

    private static MonthlyChart chartOf(int highest) {
        return MonthlyChart.of(List.of(new MonthlyCount(YearMonth.of(2026, 10), highest,
                Map.of(Freedom.PEACEFUL_ASSEMBLY, highest))), 100, 100);
    }
}
