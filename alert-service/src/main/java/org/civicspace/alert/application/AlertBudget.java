package org.civicspace.alert.application;

import java.time.Instant;

import reactor.core.publisher.Mono;

/** Counts a subscriber's immediate alerts per clock hour, so that alert fatigue has a ceiling. */
public interface AlertBudget {

    /** Takes one immediate alert from the subscriber's budget for the hour of {@code now}; false when spent. */
    Mono<Boolean> tryTake(String subscriber, Instant now, int perHour);
}
