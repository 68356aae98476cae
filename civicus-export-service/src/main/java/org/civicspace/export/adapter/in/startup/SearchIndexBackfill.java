package org.civicspace.export.adapter.in.startup;

import org.civicspace.export.application.ArchiveReportUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import reactor.core.scheduler.Schedulers;

/**
 * At start, indexes archived reports the search index has never seen (an archive kept from before
 * the index existed). In the background: the service answers meanwhile, and a report not yet
 * indexed is only missing from search results, never from single reads.
 */
@Component
class SearchIndexBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexBackfill.class);

    private final ArchiveReportUseCase archive;

    SearchIndexBackfill(ArchiveReportUseCase archive) {
        this.archive = archive;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        archive.indexWhatIsMissing()
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(count -> {
                    if (count > 0) {
                        log.info("Search index: {} archived reports indexed at start", count);
                    }
                }, failed -> log.warn("Search index backfill stopped; the next start resumes it: {}", failed.toString()));
    }
}
