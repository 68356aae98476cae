package org.civicspace.alert.adapter.in.web;

import java.time.Instant;
import java.util.List;

import org.civicspace.alert.application.urgent.UrgentActionService;
import org.civicspace.alert.domain.urgent.UrgentAction;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The urgent-action queue of advocacy staff, each action with its steps; acknowledging one stops its escalation. */
@RestController
@RequestMapping("/api/v1/urgent-actions")
class UrgentActionsController {

    private final UrgentActionService urgentActions;

    UrgentActionsController(UrgentActionService urgentActions) {
        this.urgentActions = urgentActions;
    }

    /** Unacknowledged first, newest first within each. */
    @GetMapping
    Flux<UrgentActionResponse> queue() {
        return urgentActions.queue().map(UrgentActionResponse::of);
    }

    /** 200 with the action; acknowledging an acknowledged action keeps who did it first. */
    @PostMapping("/{id}/ack")
    Mono<UrgentActionResponse> acknowledge(@PathVariable String id, @AuthenticationPrincipal Jwt caller) {
        return urgentActions.acknowledge(id, caller.getSubject())
                .map(UrgentActionResponse::of)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "There is no urgent action with id " + id)));
    }

    /** An urgent action as the queue shows it. */
    record UrgentActionResponse(String id, String incidentId, String country, String sensitivity, String headline,
            Instant openedAt, String status, int notifiedLevel, Instant lastNotifiedAt, String acknowledgedBy,
            Instant acknowledgedAt, List<UrgentAction.Step> steps) {

        static UrgentActionResponse of(UrgentAction a) {
            return new UrgentActionResponse(a.id(), a.incidentId(), a.country(), a.sensitivity().wireName(),
                    a.headline(), a.openedAt(), a.wasResolved() ? "resolved" : a.isAcknowledged() ? "acknowledged" : "open", a.level(),
                    a.lastNotifiedAt(), a.acknowledgedBy(), a.acknowledgedAt(), a.steps());
        }
    }
}
