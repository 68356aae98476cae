package org.civicspace.export.adapter.in.messaging;

import java.util.function.Consumer;

import org.civicspace.events.ReportClassified;
import org.civicspace.export.ExportProperties;
import org.civicspace.export.application.ArchiveReportUseCase;
import org.springframework.stereotype.Component;

/**
 * The {@code archiveReport} function, bound as {@code archiveReport-in-0} to
 * {@code civic.classification.report-classified.v1} (group {@code export}) in the service's YAML.
 */
@Component("archiveReport")
class ArchiveReportHandler implements Consumer<ReportClassified> {

    private final ArchiveReportUseCase archiveReport;
    private final ExportProperties properties;

    ArchiveReportHandler(ArchiveReportUseCase archiveReport, ExportProperties properties) {
        this.archiveReport = archiveReport;
        this.properties = properties;
    }

    @Override
    public void accept(ReportClassified event) {
        // Waiting on the listener thread is the point: the binder retries and dead-letters only
        // what fails here, and the offset is committed only after the archive has the report.
        // The timeout keeps a stuck store from holding the partition past max.poll.interval.ms.
        archiveReport.archive(event).block(properties.archiveTimeout());
    }
}
