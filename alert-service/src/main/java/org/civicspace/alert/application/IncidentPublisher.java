package org.civicspace.alert.application;

import org.civicspace.events.IncidentChanged;

import reactor.core.publisher.Mono;

/** Publishes {@link IncidentChanged}, completing once the broker has acknowledged it. */
public interface IncidentPublisher {

    Mono<Void> publish(IncidentChanged event);
}
