package org.civicspace.alert.adapter.in.web;

import org.civicspace.alert.application.ManageSubscriptionsUseCase;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The caller's own subscriptions; the owner is always the JWT's subject, never taken from the body. */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionsController {

    private final ManageSubscriptionsUseCase subscriptions;

    SubscriptionsController(ManageSubscriptionsUseCase subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping
    Mono<ResponseEntity<SubscriptionResponse>> subscribe(@Valid @RequestBody SubscriptionRequest request,
            @AuthenticationPrincipal Jwt caller) {
        return subscriptions.subscribe(request.toCommand(caller.getSubject(), caller.getClaimAsString("email")))
                .map(created -> ResponseEntity.status(HttpStatus.CREATED).body(SubscriptionResponse.of(created)));
    }

    @GetMapping
    Flux<SubscriptionResponse> list(@AuthenticationPrincipal Jwt caller) {
        return subscriptions.subscriptionsOf(caller.getSubject()).map(SubscriptionResponse::of);
    }

    /** 204; 404 alike for an unknown id and for someone else's, so ids of others leak nothing. */
    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> unsubscribe(@PathVariable String id, @AuthenticationPrincipal Jwt caller) {
        return subscriptions.unsubscribe(caller.getSubject(), id)
                .flatMap(deleted -> deleted ? Mono.just(ResponseEntity.noContent().<Void>build())
                        : Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND,
                                "You have no subscription with id " + id)));
    }
}
