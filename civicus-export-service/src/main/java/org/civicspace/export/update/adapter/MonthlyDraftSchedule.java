package org.civicspace.export.update.adapter;

import java.time.Duration;

import org.civicspace.export.update.application.MonthlyDraftService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the monthly drafts on {@code civicspace.export.updates.monthly.cron} (UTC); the month is the clock's. */
@Component
class MonthlyDraftSchedule {

    /** A bound on one run: a few countries' compilations and mails. */
    private static final Duration RUN_LIMIT = Duration.ofMinutes(10);

    private final MonthlyDraftService drafts;

    MonthlyDraftSchedule(MonthlyDraftService drafts) {
        this.drafts = drafts;
    }

    @Scheduled(cron = "${civicspace.export.updates.monthly.cron}", zone = "UTC")
    void compileLastMonth() {
        drafts.compileLastMonth().block(RUN_LIMIT);
    }
}
