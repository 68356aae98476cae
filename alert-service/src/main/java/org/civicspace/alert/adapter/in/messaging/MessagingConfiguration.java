package org.civicspace.alert.adapter.in.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.civicspace.alert.application.AlertPublisher;
import org.civicspace.alert.application.LiveAlerts;
import org.civicspace.alert.application.RaiseAlertsUseCase;
import org.civicspace.events.AlertRaised;
import org.civicspace.events.ReportClassified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code raiseAlerts} consumer, bound in {@code alert-service.yml} to
 * {@code civic.classification.report-classified.v1} (group {@code alert}, with retries and a
 * dead-letter topic); and {@code streamAlerts}, bound to {@code civic.alert.alert-raised.v1} without
 * a group, so that every instance reads every alert for its live streams.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingConfiguration.class);

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

    /**
     * Never throws: an event it cannot place (one sent before seqs travelled with it, or
     * incomplete) is left to the store, where streams find it on reconnecting.
     */
    @Bean
    Consumer<Message<AlertRaised>> streamAlerts(LiveAlerts live) {
        return message -> {
            OptionalLong seq = seqOf(message.getHeaders().get(AlertPublisher.SEQ_HEADER));
            if (seq.isEmpty()) {
                log.debug("an alert event without a stream seq is left to the store");
                return;
            }
            try {
                live.arrived(seq.getAsLong(), message.getPayload());
            } catch (RuntimeException incomplete) {
                // the type only: the event's headline may quote a report
                log.warn("alert event {} cannot be streamed and is left to the store: {}", seq.getAsLong(),
                        incomplete.getClass().getSimpleName());
            }
        };
    }

    private static OptionalLong seqOf(Object header) {
        String value = header instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : header == null ? null : header.toString();
        try {
            return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException notASeq) {
            return OptionalLong.empty();
        }
    }
}
