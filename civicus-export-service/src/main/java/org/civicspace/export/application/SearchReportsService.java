package org.civicspace.export.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.civicspace.export.domain.ArchivedReport;
import org.civicspace.export.domain.AuditEntry;
import org.civicspace.export.domain.Caller;
import org.civicspace.export.domain.IndexEntry;
import org.civicspace.export.domain.SearchQuery;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Filters, keywords and visibility are all decided on the index's entries; only the one page
 * asked for is read from the archive. Every restricted or confidential report on that page is
 * written to the audit log (one entry per report, as a single read would) before the page is
 * answered; if the audit log cannot be written, the search fails.
 */
@Service
class SearchReportsService implements SearchReportsUseCase {

    static final String SEARCHES = "civicspace.export.reports.searched";

    private final SearchIndex index;
    private final ReportArchive archive;
    private final AuditLog auditLog;
    private final Clock clock;
    private final MeterRegistry meters;

    SearchReportsService(SearchIndex index, ReportArchive archive, AuditLog auditLog, Clock clock,
            MeterRegistry meters) {
        this.index = index;
        this.archive = archive;
        this.auditLog = auditLog;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public Mono<Page> search(SearchQuery query, Caller caller) {
        Timer.Sample timing = Timer.start(meters);
        return matchingEntries(query)
                .filter(caller::maySee)
                .collectList()
                .flatMap(entries -> page(query, caller, entries))
                .doOnSuccess(page -> timing.stop(meters.timer(SEARCHES, "keywords",
                        query.keywords().isEmpty() ? "no" : "yes")));
    }

    /** Every entry the query's filters and keywords match, each report once. */
    private Flux<IndexEntry> matchingEntries(SearchQuery query) {
        return index.entries(query.country(), query.months(), query.keywords())
                .filter(query::matches)
                .distinct(IndexEntry::id);
    }

    private Mono<Page> page(SearchQuery query, Caller caller, List<IndexEntry> entries) {
        List<String> pageIds = entries.stream()
                .sorted(SearchQuery.NEWEST_FIRST)
                .skip(query.offset())
                .limit(query.size())
                .map(IndexEntry::id)
                .toList();
        return archive.findAll(pageIds)
                // the index and the archive are written one after the other; read again, a report
                // must still be one the caller may see
                .filter(caller::maySee)
                .collectMap(ArchivedReport::id, Function.identity())
                .flatMap(found -> {
                    List<ArchivedReport> items = pageIds.stream().map(found::get).filter(r -> r != null).toList();
                    Instant now = clock.instant();
                    List<AuditEntry> reads = items.stream().filter(ArchivedReport::readsAreAudited)
                            .map(report -> AuditEntry.of(caller, report, now)).toList();
                    return auditLog.recordAll(reads)
                            .thenReturn(new Page(items, query.page(), query.size(), entries.size()));
                });
    }
}
