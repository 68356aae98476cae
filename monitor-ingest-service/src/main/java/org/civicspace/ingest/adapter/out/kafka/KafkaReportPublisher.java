package org.civicspace.ingest.adapter.out.kafka;

import org.civicspace.events.ReportReceived;
import org.civicspace.events.Topics;
import org.civicspace.ingest.application.ReportPublisher;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends through the {@code reportReceived-out-0} binding, configured as a synchronous producer,
 * so that completing means the broker has the record.
 */
@Component
class KafkaReportPublisher implements ReportPublisher {

    static final String BINDING = "reportReceived-out-0";

    private final StreamBridge streamBridge;

    KafkaReportPublisher(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    @Override
    public Mono<Void> publish(ReportReceived event) {
        return Mono.fromCallable(() -> streamBridge.send(BINDING, MessageBuilder.withPayload(event)
                        .setHeader(KafkaHeaders.KEY, event.reportId())
                        .setHeader(Topics.SENSITIVITY_HEADER, event.sensitivity().wireName())
                        .build()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(sent -> sent ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("the broker did not take report " + event.reportId())));
    }
}
