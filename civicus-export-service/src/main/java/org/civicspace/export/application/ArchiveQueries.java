package org.civicspace.export.application;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

import org.civicspace.export.domain.ArchivedReport;
import org.civicspace.export.domain.CountryCodes;
import org.civicspace.export.domain.IndexEntry;
import org.civicspace.export.domain.MonthlyCount;
import org.civicspace.export.domain.SearchQuery;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What other features of this service read from the archive (country pages, updates), without a
 * caller: it returns every sensitivity and audits nothing, so whoever shows the results decides
 * what may be shown (an update leaves confidential reports out) and audits what it shows.
 */
@Service
public class ArchiveQueries {

    private final SearchIndex index;
    private final ReportArchive archive;

    ArchiveQueries(SearchIndex index, ReportArchive archive) {
        this.index = index;
        this.archive = archive;
    }

    /**
     * The index entries of reports concerning {@code country} (as primary or other country) dated
     * from {@code from} (inclusive) to {@code to} (exclusive), oldest first.
     */
    public Flux<IndexEntry> entries(String country, Instant from, Instant to) {
        if (!CountryCodes.isCountry(country) && !"ZZ".equals(country)) {
            return Flux.error(new IllegalArgumentException("not a country code: " + country));
        }
        SearchQuery range = new SearchQuery(country, null, null, null, from, to, List.of(), 1, SearchQuery.MAX_SIZE);
        return index.entries(country, range.months())
                .filter(range::matches)
                .distinct(IndexEntry::id)
                .sort(SearchQuery.NEWEST_FIRST.reversed());
    }

    /** The archived reports concerning {@code country} in the range, with their classification, oldest first. */
    public Flux<ArchivedReport> reports(String country, Instant from, Instant to) {
        return entries(country, from, to).map(IndexEntry::id).collectList()
                .flatMapMany(ids -> archive.findAll(ids)
                        .collectMap(ArchivedReport::id, Function.identity())
                        .flatMapIterable(found -> ids.stream().map(found::get).filter(r -> r != null).toList()));
    }

    /** Reports per month and per freedom for each month from {@code first} to {@code last}, duplicates counted once. */
    public Mono<List<MonthlyCount>> monthlyCounts(String country, YearMonth first, YearMonth last) {
        Instant from = first.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = last.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return entries(country, from, to).collectList()
                .map(entries -> MonthlyCount.of(entries, SearchQuery.months(from, to)));
    }
}
