package org.civicspace.alert.application;

import java.util.Set;

import org.civicspace.alert.domain.Cadence;
import org.civicspace.alert.domain.Channel;
import org.civicspace.alert.domain.Subscription;
import org.civicspace.events.Freedom;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A user's own subscriptions: create, list, delete. Nobody sees or deletes anyone else's. */
public interface ManageSubscriptionsUseCase {

    /** Creates a subscription; an invalid one fails with {@code InvalidSubscriptionException}. */
    Mono<Subscription> subscribe(Subscribe command);

    Flux<Subscription> subscriptionsOf(String owner);

    /** Deletes the owner's subscription; false when there is none with this id of theirs. */
    Mono<Boolean> unsubscribe(String owner, String subscriptionId);

    /** What a user asks to be alerted about, and how; nulls take the defaults. */
    record Subscribe(String owner, Set<String> countries, Set<Freedom> freedoms, Set<ViolationType> violationTypes,
            Urgency minUrgency, Channel channel, Cadence cadence, String webhookUrl, String webhookSecret,
            String email) {

        /** Leaves the webhook secret out, so that logging a command never leaks it. */
        @Override
        public String toString() {
            return "Subscribe[owner=" + owner + ", countries=" + countries + "]";
        }
    }
}
