package org.civicspace.alert.adapter.in.web;

import org.civicspace.alert.application.delivery.ManageDeliveriesUseCase;
import org.civicspace.alert.domain.delivery.DeliveryStatus;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * E-mail and webhook deliveries from the outbox: an admin sees all and may queue a given-up one
 * again; anyone else sees only deliveries addressed to them.
 */
@RestController
@RequestMapping("/api/v1/deliveries")
class DeliveriesController {

    private final ManageDeliveriesUseCase deliveries;

    DeliveriesController(ManageDeliveriesUseCase deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping
    Flux<DeliveryResponse> list(@RequestParam(required = false) String status, Authentication caller) {
        DeliveryStatus wanted;
        try {
            wanted = status == null ? null : DeliveryStatus.fromWire(status);
        } catch (IllegalArgumentException unknown) {
            return Flux.error(new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "status must be pending, sent or given_up, not '" + status + "'"));
        }
        boolean admin = caller.getAuthorities().stream().anyMatch(a -> "ROLE_admin".equals(a.getAuthority()));
        return deliveries.deliveries(wanted, caller.getName(), admin).map(DeliveryResponse::of);
    }

    /** 200 with the delivery, pending again; 404 for an unknown id; 409 when it was not given up. */
    @PostMapping("/{id}/retry")
    Mono<DeliveryResponse> retry(@PathVariable String id) {
        return deliveries.retry(id)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "There is no delivery with id " + id)))
                .flatMap(result -> result.requeued() ? Mono.just(DeliveryResponse.of(result.entry()))
                        : Mono.error(new ResponseStatusException(HttpStatus.CONFLICT, "The delivery " + id + " is "
                                + result.entry().status().wireName() + "; only a given-up delivery can be retried")));
    }
}
