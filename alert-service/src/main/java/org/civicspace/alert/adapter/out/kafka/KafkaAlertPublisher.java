package org.civicspace.alert.adapter.out.kafka;

import org.civicspace.alert.application.AlertPublisher;
import org.civicspace.events.AlertRaised;
import org.civicspace.events.Topics;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends through the {@code alertRaised-out-0} binding, configured as a synchronous producer, so
 * that completing means the broker has the record and only then is the alert marked published.
 */
@Component
class KafkaAlertPublisher implements AlertPublisher {

    static final String BINDING = "alertRaised-out-0";

    private final StreamBridge streamBridge;

    KafkaAlertPublisher(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    @Override
    public Mono<Void> publish(AlertRaised event) {
        return Mono.fromCallable(() -> streamBridge.send(BINDING, MessageBuilder.withPayload(event)
                        .setHeader(KafkaHeaders.KEY, event.country())
                        .setHeader(Topics.SENSITIVITY_HEADER, event.sensitivity().wireName())
                        .build()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(sent -> sent ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("the broker did not take alert " + event.alertId())));
    }
}
