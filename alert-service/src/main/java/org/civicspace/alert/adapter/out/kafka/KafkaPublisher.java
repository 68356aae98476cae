package org.civicspace.alert.adapter.out.kafka;

import org.civicspace.alert.application.AlertPublisher;
import org.civicspace.alert.application.IncidentPublisher;
import org.civicspace.events.AlertRaised;
import org.civicspace.events.IncidentChanged;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Topics;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends through the {@code alertRaised-out-0} and {@code incidentChanged-out-0} bindings, both
 * configured as synchronous producers, so that completing means the broker has the record and
 * only then is the alert or incident marked published. Keyed by country, with the sensitivity
 * header; {@code AlertRaised} also with its stream seq ({@link AlertPublisher#SEQ_HEADER}).
 */
@Component
class KafkaPublisher implements AlertPublisher, IncidentPublisher {

    static final String ALERT_BINDING = "alertRaised-out-0";
    static final String INCIDENT_BINDING = "incidentChanged-out-0";

    private final StreamBridge streamBridge;

    KafkaPublisher(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    @Override
    public Mono<Void> publish(AlertRaised event, long seq) {
        return send(ALERT_BINDING, MessageBuilder.withPayload(event).setHeader(SEQ_HEADER, Long.toString(seq)),
                event.country(), event.sensitivity(), "alert " + event.alertId());
    }

    @Override
    public Mono<Void> publish(IncidentChanged event) {
        return send(INCIDENT_BINDING, MessageBuilder.withPayload(event), event.country(), event.sensitivity(),
                "incident " + event.incidentId() + " revision " + event.revision());
    }

    private Mono<Void> send(String binding, MessageBuilder<?> message, String country, Sensitivity sensitivity,
            String what) {
        return Mono.fromCallable(() -> streamBridge.send(binding, message
                        .setHeader(KafkaHeaders.KEY, country)
                        .setHeader(Topics.SENSITIVITY_HEADER, sensitivity.wireName())
                        .build()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(sent -> sent ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("the broker did not take " + what)));
    }
}
