package org.civicspace.export.domain;

import java.util.Set;

/** What the search index holds of one report: its entry and the words of its title and text. */
public record IndexedReport(IndexEntry entry, Set<String> words) {

    public IndexedReport {
        words = words == null ? Set.of() : Set.copyOf(words);
    }

    public static IndexedReport of(ArchivedReport report) {
        return new IndexedReport(IndexEntry.of(report), Tokens.of(report.report().title(), report.report().text()));
    }

    public String id() {
        return entry.id();
    }
}
