package org.civicspace.alert.application;

import org.civicspace.events.AlertRaised;

import reactor.core.publisher.Mono;

/** Publishes {@link AlertRaised}, completing once the broker has acknowledged it. */
public interface AlertPublisher {

    Mono<Void> publish(AlertRaised event);
}
