package org.civicspace.export.application;

import org.civicspace.export.domain.ArchivedReport;

import reactor.core.publisher.Mono;

/** The store of archived reports, keyed by report id. */
public interface ReportArchive {

    /**
     * Inserts the report or overwrites the stored one with the same id in one atomic upsert; the
     * stored {@code archivedAt} of an existing report is kept.
     */
    Mono<Stored> store(ArchivedReport report);

    Mono<ArchivedReport> find(String reportId);

    /** What storing did: a new entry, a changed one, or nothing (a redelivery). */
    enum Stored {
        NEW, CHANGED, UNCHANGED
    }
}
