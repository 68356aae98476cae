package org.civicspace.export.application;

import java.time.Clock;
import java.util.Locale;
import java.util.stream.Collectors;

import org.civicspace.events.ReportClassified;
import org.civicspace.export.domain.ArchivedReport;
import org.civicspace.export.domain.IndexedReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Archives by upsert on the report id, so the at-least-once delivery of the topic never makes a
 * second entry, then brings the search index up to date (which is idempotent too). Logs ids and
 * sensitivity only: the report's words and names stay out of the logs.
 */
@Service
class ArchiveReportService implements ArchiveReportUseCase {

    static final String ARCHIVED = "civicspace.export.reports.archived";

    private static final Logger log = LoggerFactory.getLogger(ArchiveReportService.class);

    private final ReportArchive archive;
    private final SearchIndex searchIndex;
    private final Clock clock;
    private final MeterRegistry meters;

    ArchiveReportService(ReportArchive archive, SearchIndex searchIndex, Clock clock, MeterRegistry meters) {
        this.archive = archive;
        this.searchIndex = searchIndex;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public Mono<Void> archive(ReportClassified event) {
        return Mono.fromCallable(() -> ArchivedReport.from(event, clock.instant()))
                .flatMap(report -> archive.store(report)
                        // indexed from the stored copy, whose archivedAt is the first one; after the
                        // store, so that a retry of a failed indexing finds the report and does it again
                        .flatMap(stored -> archive.find(report.id())
                                .flatMap(kept -> searchIndex.index(IndexedReport.of(kept)))
                                .thenReturn(stored))
                        .doOnNext(stored -> {
                            log.info("Archived report {} ({}): {}", report.id(), report.sensitivity().wireName(),
                                    stored.name().toLowerCase(Locale.ROOT));
                            count(stored.name().toLowerCase(Locale.ROOT));
                        }))
                .doOnError(failed -> count("failed"))
                .then();
    }

    /** Safe beside live archiving: indexing is idempotent and reads the stored copy. */
    @Override
    public Mono<Long> indexWhatIsMissing() {
        return searchIndex.indexedIds().collect(Collectors.toSet())
                .flatMapMany(indexed -> archive.ids().filter(id -> !indexed.contains(id)))
                .concatMap(id -> archive.find(id).flatMap(kept -> searchIndex.index(IndexedReport.of(kept)))
                        .thenReturn(id))
                .count();
    }

    private void count(String outcome) {
        meters.counter(ARCHIVED, "outcome", outcome).increment();
    }
}
