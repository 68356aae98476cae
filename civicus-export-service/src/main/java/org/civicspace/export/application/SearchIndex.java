package org.civicspace.export.application;

import java.time.YearMonth;
import java.util.List;

import org.civicspace.export.domain.IndexEntry;
import org.civicspace.export.domain.IndexedReport;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The search index of the archive: entries by country and month, each with the words of its report. */
public interface SearchIndex {

    /**
     * Replaces whatever the index held for this report with {@code report}: a re-classification
     * moves it to its new countries, months and words. Idempotent; indexing the same again does nothing.
     */
    Mono<Void> index(IndexedReport report);

    /**
     * The entries filed under {@code country} (any country when null) in the given months (all
     * months when null). A report concerning several countries comes once per country asked for.
     */
    Flux<IndexEntry> entries(String country, List<YearMonth> months);

    /** The ids of every indexed report (a full read: for the start-up backfill, not for requests). */
    Flux<String> indexedIds();

    /**
     * Like {@link #entries(String, List)}, only of reports that have, for each of {@code keywords}, a
     * word it matches ({@code Tokens.matches}); all of them when there are no keywords.
     */
    Flux<IndexEntry> entries(String country, List<YearMonth> months, List<String> keywords);
}
