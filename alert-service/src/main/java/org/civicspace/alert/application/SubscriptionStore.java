package org.civicspace.alert.application;

import org.civicspace.alert.domain.Subscription;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where subscriptions are kept. */
public interface SubscriptionStore {

    Mono<Subscription> save(Subscription subscription);

    /** The owner's subscriptions, oldest first. */
    Flux<Subscription> ownedBy(String owner);

    /** Deletes the subscription if it exists and belongs to {@code owner}; answers whether it did. */
    Mono<Boolean> deleteOwned(String owner, String subscriptionId);

    /** Every subscription that lists this country, whoever owns it. */
    Flux<Subscription> covering(String country);
}
