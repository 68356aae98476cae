package org.civicspace.ingest.application;

import org.civicspace.events.ReportReceived;

import reactor.core.publisher.Mono;

/** Publishes {@link ReportReceived}, completing once the broker has acknowledged it. */
public interface ReportPublisher {

    Mono<Void> publish(ReportReceived event);
}
