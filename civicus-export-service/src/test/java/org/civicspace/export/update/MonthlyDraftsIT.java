package org.civicspace.export.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicspace.export.update.domain.Sources.report;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.civicspace.events.PersonRole;
import org.civicspace.events.Sensitivity;
import org.civicspace.export.application.ArchiveReportUseCase;
import org.civicspace.export.update.application.MonthlyDraftService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/** The end-of-month drafts of the watched countries (KG and TJ here), and the e-mail to their editors. */
class MonthlyDraftsIT extends UpdateTestContext {

    static final String PERSON = "Aziza Toktogulova";
    static final String TITLE = "Aziza Toktogulova detained in Osh";

    @Autowired
    ArchiveReportUseCase archive;

    /** What the cron schedule runs; the month is the clock's. */
    @Autowired
    MonthlyDraftService drafts;

    @Test
    void compilesTheMonthJustEndedForEachWatchedCountryAndTellsItsEditorsWithoutAnyReportContent() throws Exception {
        archive.archive(report("m-kg-1", "2025-06-12T09:00:00Z").title(TITLE)
                .person(PERSON, PersonRole.DEFENDER, true).classified("KG")).block();
        archive.archive(report("m-kg-2", "2025-06-14T09:00:00Z").title("Confidential account of the raid")
                .sensitivity(Sensitivity.CONFIDENTIAL).classified("KG")).block();
        clock.set(Instant.parse("2025-07-01T00:30:00Z"));
        int mailsBefore = SMTP.getReceivedMessages().length;

        assertThat(drafts.compileLastMonth().block()).isEqualTo(2);

        as("editor", "editor-1").get().uri("/api/v1/updates?country=KG").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].from").isEqualTo("2025-06-01")
                .jsonPath("$[0].to").isEqualTo("2025-06-30")
                .jsonPath("$[0].status").isEqualTo("draft")
                .jsonPath("$[0].editedBy").isEqualTo(MonthlyDraftService.SCHEDULE);
        as("editor", "editor-1").get().uri("/api/v1/updates?country=TJ").exchange().expectBody()
                .jsonPath("$[0].from").isEqualTo("2025-06-01");

        List<MimeMessage> mails = Arrays.asList(SMTP.getReceivedMessages())
                .subList(mailsBefore, SMTP.getReceivedMessages().length);
        assertThat(mails).as("one message, delivered to each of KG's two editors; TJ has none configured").hasSize(2);
        MimeMessage mail = mails.get(0);
        String body = GreenMailUtil.getBody(mail);
        assertThat(mail.getSubject()).isEqualTo("Draft update ready: Kyrgyzstan, 1 June 2025 to 30 June 2025");
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactlyInAnyOrder("kg-desk@civicspace.test",
                        "central-asia@civicspace.test");
        assertThat(body).containsPattern("https://civicspace.test/updates/u-[0-9a-f]{20}")
                .doesNotContain(PERSON, "Toktogulova", "detained", "Osh", "Confidential", "raid");
        assertThat(mail.getSubject()).doesNotContain(PERSON, "detained");

        assertThat(drafts.compileLastMonth().block()).isZero();
        assertThat(SMTP.getReceivedMessages()).as("a month is compiled and mailed once").hasSize(mailsBefore + 2);
        as("editor", "editor-1").get().uri("/api/v1/updates?country=KG").exchange().expectBody()
                .jsonPath("$.length()").isEqualTo(1);
    }
}
