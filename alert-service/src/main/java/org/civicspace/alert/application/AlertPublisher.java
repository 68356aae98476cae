package org.civicspace.alert.application;

import org.civicspace.events.AlertRaised;

import reactor.core.publisher.Mono;

/** Publishes {@link AlertRaised}, completing once the broker has acknowledged it. */
public interface AlertPublisher {

    /**
     * The message header that carries the event's stream seq beside it, so that every instance's
     * live feed can order and number it as the store does. Internal to this service: not part of
     * the contract, and absent in events from before the live feed was read from the topic.
     */
    String SEQ_HEADER = "civic-alert-seq";

    Mono<Void> publish(AlertRaised event, long seq);
}
