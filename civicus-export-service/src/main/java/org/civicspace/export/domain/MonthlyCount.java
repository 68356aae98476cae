package org.civicspace.export.domain;

import java.time.YearMonth;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civicspace.events.Freedom;

/**
 * How many reports of one month there are, in all and per freedom. A near-duplicate counts with
 * the report it duplicates, so a group of them counts once; a report of several freedoms counts
 * once for each.
 */
public record MonthlyCount(YearMonth month, int reports, Map<Freedom, Integer> byFreedom) {

    public MonthlyCount {
        Map<Freedom, Integer> complete = new EnumMap<>(Freedom.class);
        for (Freedom freedom : Freedom.values()) {
            complete.put(freedom, byFreedom == null ? 0 : byFreedom.getOrDefault(freedom, 0));
        }
        byFreedom = Map.copyOf(complete);
    }

    /** One count for each of {@code months}, in that order, months without reports included. */
    public static List<MonthlyCount> of(Collection<IndexEntry> entries, List<YearMonth> months) {
        Map<YearMonth, Set<String>> all = new HashMap<>();
        Map<YearMonth, Map<Freedom, Set<String>>> perFreedom = new HashMap<>();
        for (IndexEntry entry : entries) {
            YearMonth month = entry.month();
            all.computeIfAbsent(month, m -> new HashSet<>()).add(entry.countedAs());
            for (Freedom freedom : entry.freedoms()) {
                perFreedom.computeIfAbsent(month, m -> new EnumMap<>(Freedom.class))
                        .computeIfAbsent(freedom, f -> new HashSet<>()).add(entry.countedAs());
            }
        }
        return months.stream().map(month -> {
            Map<Freedom, Integer> counts = new EnumMap<>(Freedom.class);
            perFreedom.getOrDefault(month, Map.of()).forEach((freedom, ids) -> counts.put(freedom, ids.size()));
            return new MonthlyCount(month, all.getOrDefault(month, Set.of()).size(), counts);
        }).toList();
    }
}
