package org.civicspace.alert.application;

import org.civicspace.events.ReportClassified;

import reactor.core.publisher.Mono;

/** Turns a classified report into one alert per matching subscription, once however often it arrives. */
public interface RaiseAlertsUseCase {

    /** Completes when every alert the report raises is stored and published. */
    Mono<Void> raiseAlerts(ReportClassified report);
}
