package org.civicspace.alert.adapter.in.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.civicspace.alert.IncidentProperties;
import org.civicspace.alert.NotifyProperties;
import org.civicspace.alert.UrgentProperties;
import org.civicspace.alert.application.DigestService;
import org.civicspace.alert.application.IncidentService;
import org.civicspace.alert.application.urgent.UrgentActionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The clock-driven jobs: escalating unacknowledged urgent actions every
 * {@code civicspace.alert.urgent.check-every}; the daily digest of the previous UTC day at
 * {@code civicspace.alert.notify.digest-cron}; and publishing incident revisions left
 * unpublished, every {@code civicspace.alert.incidents.republish-after}. All are safe to run
 * twice or on several instances: what they queue has idempotency keys, what they record is
 * conditional, what they publish consumers keep once (by event id, or incident and revision).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Schedules implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(Schedules.class);
    /** A run that takes longer is abandoned and tried again at the next tick. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

    private final UrgentActionService urgentActions;
    private final DigestService digests;
    private final IncidentService incidents;
    private final UrgentProperties urgent;
    private final NotifyProperties notify;
    private final IncidentProperties incidentSettings;
    private final Clock clock;

    Schedules(UrgentActionService urgentActions, DigestService digests, IncidentService incidents,
            UrgentProperties urgent, NotifyProperties notify, IncidentProperties incidentSettings, Clock clock) {
        this.urgentActions = urgentActions;
        this.digests = digests;
        this.incidents = incidents;
        this.urgent = urgent;
        this.notify = notify;
        this.incidentSettings = incidentSettings;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(() -> run("escalation", () -> urgentActions.escalateDue(clock.instant())
                .block(RUN_TIMEOUT)), urgent.checkEvery());
        tasks.addTriggerTask(() -> run("digest", () -> digests.sendDigests(LocalDate.now(clock.withZone(ZoneOffset.UTC))
                .minusDays(1)).block(RUN_TIMEOUT)), new CronTrigger(notify.digestCron(), ZoneOffset.UTC));
        tasks.addFixedDelayTask(() -> run("incident publishing", () -> incidents.publishStale(clock.instant())
                .block(RUN_TIMEOUT)), incidentSettings.republishAfter());
    }

    private static void run(String job, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException failed) {
            // the next tick tries again; ids only in the message, never a report's content
            log.warn("the {} job failed and will run again: {}", job, failed.toString());
        }
    }
}
