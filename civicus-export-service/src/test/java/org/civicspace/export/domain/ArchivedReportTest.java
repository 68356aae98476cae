package org.civicspace.export.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.UUID;

import org.civicspace.events.Classification;
import org.civicspace.events.Report;
import org.civicspace.events.ReportClassified;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Source;
import org.junit.jupiter.api.Test;

class ArchivedReportTest {

    static final Report REPORT = new Report("t", "x", "en", null, null, null, null, null, null);
    static final Classification CLASSIFICATION = new Classification("en", "KZ", null, null, null, null, null, "v");

    @Test
    void keepsEverythingTheEventSaysAboutTheReport() {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        ArchivedReport archived = ArchivedReport.from(new ReportClassified(UUID.randomUUID(), now, "r-1",
                Sensitivity.RESTRICTED, Source.partner("p"), REPORT, "r-0", CLASSIFICATION), now);

        assertThat(archived).isEqualTo(new ArchivedReport("r-1", Sensitivity.RESTRICTED, Source.partner("p"),
                REPORT, CLASSIFICATION, "r-0", now));
    }

    @Test
    void refusesAnEventWithoutSensitivityRatherThanGuessingPublic() {
        ReportClassified unmarked = new ReportClassified(UUID.randomUUID(), Instant.EPOCH, "r-1", null,
                Source.partner("p"), REPORT, null, CLASSIFICATION);

        assertThatIllegalArgumentException().isThrownBy(() -> ArchivedReport.from(unmarked, Instant.EPOCH))
                .withMessageContaining("sensitivity");
    }

    @Test
    void refusesAnEventWithoutReportIdOrAtAll() {
        ReportClassified anonymous = new ReportClassified(UUID.randomUUID(), Instant.EPOCH, null,
                Sensitivity.PUBLIC, Source.partner("p"), REPORT, null, CLASSIFICATION);

        assertThatIllegalArgumentException().isThrownBy(() -> ArchivedReport.from(anonymous, Instant.EPOCH));
        assertThatIllegalArgumentException().isThrownBy(() -> ArchivedReport.from(null, Instant.EPOCH));
    }
}
