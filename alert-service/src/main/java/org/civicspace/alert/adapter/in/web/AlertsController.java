package org.civicspace.alert.adapter.in.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import org.civicspace.alert.AlertProperties;
import org.civicspace.alert.application.ReadAlertsUseCase;
import org.civicspace.alert.application.StoredAlert;
import org.civicspace.events.AlertRaised;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Pattern;
import reactor.core.publisher.Flux;

/** The caller's own alerts: the latest ones, or a live Server-Sent Events stream that resumes. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertsController {

    private static final String COUNTRY_LIST = "[A-Z]{2}(,[A-Z]{2})*";
    private static final String COUNTRY_LIST_MESSAGE =
            "must be ISO 3166-1 alpha-2 codes separated by commas, such as KZ,KG";

    private final ReadAlertsUseCase alerts;
    private final Duration heartbeat;

    AlertsController(ReadAlertsUseCase alerts, AlertProperties properties) {
        this.alerts = alerts;
        this.heartbeat = properties.heartbeat();
    }

    /**
     * One {@code alert} event per alert, its id being the alert's seq, and a comment every
     * heartbeat; a client that reconnects with {@code Last-Event-ID} first gets what it missed.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<AlertRaised>> stream(
            @RequestParam @Pattern(regexp = COUNTRY_LIST, message = COUNTRY_LIST_MESSAGE) String country,
            @RequestHeader(name = "Last-Event-ID", required = false) Long lastEventId,
            @AuthenticationPrincipal Jwt caller) {
        OptionalLong lastSeen = lastEventId == null ? OptionalLong.empty() : OptionalLong.of(lastEventId);
        Flux<ServerSentEvent<AlertRaised>> events = alerts.follow(caller.getSubject(), countries(country), lastSeen)
                .map(AlertsController::event);
        Flux<ServerSentEvent<AlertRaised>> heartbeats = Flux.interval(heartbeat, heartbeat)
                .map(beat -> ServerSentEvent.<AlertRaised>builder().comment("heartbeat").build());
        return Flux.merge(events, heartbeats);
    }

    /** The caller's latest alerts (at most 100), newest first. */
    @GetMapping
    Flux<AlertResponse> latest(
            @RequestParam(required = false) @Pattern(regexp = COUNTRY_LIST, message = COUNTRY_LIST_MESSAGE)
            String country,
            @RequestParam(required = false) Instant since,
            @AuthenticationPrincipal Jwt caller) {
        return alerts.latest(caller.getSubject(), country == null ? Set.of() : countries(country), since)
                .map(AlertResponse::of);
    }

    private static ServerSentEvent<AlertRaised> event(StoredAlert stored) {
        return ServerSentEvent.<AlertRaised>builder()
                .event("alert")
                .id(Long.toString(stored.seq()))
                .data(stored.alert().toEvent())
                .build();
    }

    private static Set<String> countries(String list) {
        return Arrays.stream(list.split(",")).collect(Collectors.toUnmodifiableSet());
    }
}
