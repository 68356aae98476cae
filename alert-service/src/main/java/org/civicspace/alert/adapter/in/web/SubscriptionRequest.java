package org.civicspace.alert.adapter.in.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.civicspace.alert.application.ManageSubscriptionsUseCase.Subscribe;
import org.civicspace.alert.domain.Cadence;
import org.civicspace.alert.domain.Channel;
import org.civicspace.events.Freedom;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/subscriptions}; omitted values take the defaults. */
record SubscriptionRequest(
        @NotEmpty(message = "must name at least one country") @Size(max = 250)
        List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as KZ")
                String> countries,
        Set<@NotNull Freedom> freedoms,
        Set<@NotNull ViolationType> violationTypes,
        @Pattern(regexp = "urgent|high|routine", message = "must be one of urgent, high, routine (the default)")
        String minUrgency,
        @Pattern(regexp = "sse|email|webhook", message = "must be one of sse (the default), email, webhook")
        String channel,
        @Pattern(regexp = "immediate|daily", message = "must be one of immediate (the default), daily")
        String cadence,
        @Size(max = 2_000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
        String webhookUrl,
        @Size(max = 500) String webhookSecret,
        @Size(max = 320) @Email(message = "must be an e-mail address") String email) {

    /**
     * Valid values only: call after bean validation has passed. The e-mail address is the body's,
     * else the one the caller's token carries (its {@code email} claim), else none.
     */
    Subscribe toCommand(String owner, String tokenEmail) {
        return new Subscribe(owner, new LinkedHashSet<>(countries), freedoms, violationTypes,
                minUrgency == null ? null : Urgency.fromWire(minUrgency),
                channel == null ? null : Channel.fromWire(channel),
                cadence == null ? null : Cadence.fromWire(cadence),
                webhookUrl, webhookSecret, email != null ? email : tokenEmail);
    }
}
