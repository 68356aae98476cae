package org.civicspace.alert.adapter.in.messaging;

import java.time.Duration;
import java.util.function.Consumer;

import org.civicspace.alert.application.RaiseAlertsUseCase;
import org.civicspace.events.ReportClassified;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code raiseAlerts} consumer, bound in {@code alert-service.yml} to
 * {@code civic.classification.report-classified.v1} (group {@code alert}, with retries and a
 * dead-letter topic).
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /**
     * Well inside Kafka's max.poll.interval.ms (5 min) even over three attempts, yet long enough
     * for a slow store; past it the attempt fails and the binder retries, then dead-letters.
     */
    static final Duration HANDLING_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Imperative on purpose: the binder's retry and dead-letter topic apply only to a function
     * that returns or throws, so it waits for the reactive store here.
     */
    @Bean
    Consumer<ReportClassified> raiseAlerts(RaiseAlertsUseCase useCase) {
        return report -> useCase.raiseAlerts(report).block(HANDLING_TIMEOUT);
    }
}
