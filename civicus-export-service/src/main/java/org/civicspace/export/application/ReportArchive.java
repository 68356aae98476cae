package org.civicspace.export.application;

import java.util.Collection;

import org.civicspace.export.domain.ArchivedReport;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The store of archived reports, keyed by report id. */
public interface ReportArchive {

    /**
     * Inserts the report or overwrites the stored one with the same id in one atomic upsert; the
     * stored {@code archivedAt} of an existing report is kept.
     */
    Mono<Stored> store(ArchivedReport report);

    Mono<ArchivedReport> find(String reportId);

    /** The stored reports among these ids, in no particular order. */
    Flux<ArchivedReport> findAll(Collection<String> reportIds);

    /** The ids of every archived report (a full read: for the start-up backfill, not for requests). */
    Flux<String> ids();

    /** What storing did: a new entry, a changed one, or nothing (a redelivery). */
    enum Stored {
        NEW, CHANGED, UNCHANGED
    }
}
