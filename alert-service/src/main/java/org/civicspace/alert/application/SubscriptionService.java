package org.civicspace.alert.application;

import java.time.Clock;
import java.util.UUID;

import org.civicspace.alert.domain.Subscription;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Gives each new subscription its id and creation time; the subscription checks its own rules. */
@Service
class SubscriptionService implements ManageSubscriptionsUseCase {

    private final SubscriptionStore store;
    private final Clock clock;

    SubscriptionService(SubscriptionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Mono<Subscription> subscribe(Subscribe command) {
        return Mono.fromCallable(() -> new Subscription("sub-" + UUID.randomUUID(), command.owner(),
                        command.countries(), command.freedoms(), command.violationTypes(), command.minUrgency(),
                        command.channel(), command.cadence(), command.webhookUrl(), command.webhookSecret(),
                        command.email(), clock.instant()).checkDeliverable())
                .flatMap(store::save);
    }

    @Override
    public Flux<Subscription> subscriptionsOf(String owner) {
        return store.ownedBy(owner);
    }

    @Override
    public Mono<Boolean> unsubscribe(String owner, String subscriptionId) {
        return store.deleteOwned(owner, subscriptionId);
    }
}
