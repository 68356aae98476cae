package org.civicspace.export.application;

import java.time.Clock;

import org.civicspace.export.domain.ArchivedReport;
import org.civicspace.export.domain.AuditEntry;
import org.civicspace.export.domain.Caller;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * A report the caller may not see is answered exactly like a missing one, so that its existence
 * is not revealed. The audit entry is written before the report is handed out: if the audit log
 * cannot be written, the read fails rather than going unrecorded.
 */
@Service
class ReadReportService implements ReadReportUseCase {

    private final ReportArchive archive;
    private final AuditLog auditLog;
    private final Clock clock;

    ReadReportService(ReportArchive archive, AuditLog auditLog, Clock clock) {
        this.archive = archive;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public Mono<ArchivedReport> read(String reportId, Caller caller) {
        return archive.find(reportId)
                .filter(caller::maySee)
                .flatMap(report -> report.readsAreAudited()
                        ? auditLog.record(AuditEntry.of(caller, report, clock.instant())).thenReturn(report)
                        : Mono.just(report));
    }
}
