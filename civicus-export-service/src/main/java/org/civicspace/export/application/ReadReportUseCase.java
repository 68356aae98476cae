package org.civicspace.export.application;

import org.civicspace.export.domain.ArchivedReport;
import org.civicspace.export.domain.Caller;

import reactor.core.publisher.Mono;

/** Serves one archived report to a caller who may see it, auditing sensitive reads. */
public interface ReadReportUseCase {

    /** The report, or empty both when there is none and when the caller may not see it. */
    Mono<ArchivedReport> read(String reportId, Caller caller);
}
