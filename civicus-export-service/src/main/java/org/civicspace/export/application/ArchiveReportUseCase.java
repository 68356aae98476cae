package org.civicspace.export.application;

import org.civicspace.events.ReportClassified;

import reactor.core.publisher.Mono;

/** Keeps every classified report in the archive, once per report id. */
public interface ArchiveReportUseCase {

    /** Archives the report; archiving the same report again leaves one entry, never two. */
    Mono<Void> archive(ReportClassified event);

    /** Indexes the archived reports the search index lacks (archived before it existed); answers how many. */
    Mono<Long> indexWhatIsMissing();
}
