package org.civicspace.alert.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.civicspace.events.Classification;
import org.civicspace.events.Freedom;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;

/**
 * What a user wants to hear about: reports on some countries, at least this urgent, and, when
 * freedoms or violation types are given, about at least one of them. Empty sets mean "any".
 */
public record Subscription(
        String id,
        String owner,
        Set<String> countries,
        Set<Freedom> freedoms,
        Set<ViolationType> violationTypes,
        Urgency minUrgency,
        Channel channel,
        Cadence cadence,
        String webhookUrl,
        String webhookSecret,
        String email,
        Instant createdAt) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern HTTP_URL = Pattern.compile("https?://\\S+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        if (owner == null || owner.isBlank()) {
            throw new InvalidSubscriptionException("owner", "must not be blank");
        }
        if (countries == null || countries.isEmpty()) {
            throw new InvalidSubscriptionException("countries", "must name at least one country");
        }
        for (String country : countries) {
            if (country == null || !COUNTRY.matcher(country).matches()) {
                throw new InvalidSubscriptionException("countries", "must be ISO 3166-1 alpha-2 codes such as KZ");
            }
        }
        countries = Set.copyOf(countries);
        freedoms = freedoms == null ? Set.of() : Set.copyOf(freedoms);
        violationTypes = violationTypes == null ? Set.of() : Set.copyOf(violationTypes);
        minUrgency = minUrgency == null ? Urgency.ROUTINE : minUrgency;
        if (minUrgency == Urgency.NOT_RELEVANT) {
            throw new InvalidSubscriptionException("minUrgency", "must be urgent, high or routine");
        }
        channel = channel == null ? Channel.SSE : channel;
        cadence = cadence == null ? Cadence.IMMEDIATE : cadence;
        if (channel == Channel.WEBHOOK && (webhookUrl == null || !HTTP_URL.matcher(webhookUrl).matches())) {
            throw new InvalidSubscriptionException("webhookUrl", "must be an http or https URL for the webhook channel");
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new InvalidSubscriptionException("email", "must be an e-mail address");
        }
    }

    /** The shortest webhook secret a new subscription may have. */
    static final int MIN_SECRET = 16;

    /**
     * The rules a new subscription must meet as well, so that what it asks for can be delivered.
     * Not checked on subscriptions stored before them, which still load (and are not pushed).
     */
    public Subscription checkDeliverable() {
        if (channel == Channel.EMAIL && email == null) {
            throw new InvalidSubscriptionException("email",
                    "is needed for the email channel: give it, or sign in with a token that has an email claim");
        }
        if (channel == Channel.WEBHOOK && (webhookSecret == null || webhookSecret.strip().length() < MIN_SECRET)) {
            // webhooks are only ever sent signed: without a secret none would be delivered
            throw new InvalidSubscriptionException("webhookSecret", "is needed for the webhook channel, at least "
                    + MIN_SECRET + " characters: every call is signed with it");
        }
        if (cadence == Cadence.DAILY && channel == Channel.SSE) {
            throw new InvalidSubscriptionException("cadence", "daily digests are sent by email or webhook, not sse");
        }
        return this;
    }

    /** True when alerts for this subscription are pushed (e-mail, webhook), rather than only shown. */
    public boolean isPushed() {
        return channel == Channel.WEBHOOK || channel == Channel.EMAIL && email != null;
    }

    /** True when a report classified so should raise an alert for this subscription. */
    public boolean matches(Classification classification) {
        return matches(classification.country(), classification.urgency(), classification.freedoms(),
                classification.violationTypes());
    }

    /** True when an event in this country, this urgent, about these freedoms and violations should alert. */
    public boolean matches(String country, Urgency urgency, Set<Freedom> freedoms, Set<ViolationType> violations) {
        return urgency != null
                && urgency != Urgency.NOT_RELEVANT
                && country != null
                && countries.contains(country)
                && urgency.isAtLeast(minUrgency)
                && anyOrOverlapping(this.freedoms, freedoms)
                && anyOrOverlapping(violationTypes, violations);
    }

    private static <T> boolean anyOrOverlapping(Set<T> wanted, Set<T> found) {
        return wanted.isEmpty() || !Collections.disjoint(wanted, found);
    }

    /** Leaves the webhook secret out, so that logging a subscription never leaks it. */
    @Override
    public String toString() {
        return "Subscription[id=" + id + ", owner=" + owner + ", countries=" + countries + ", freedoms=" + freedoms
                + ", violationTypes=" + violationTypes + ", minUrgency=" + minUrgency + ", channel=" + channel
                + ", cadence=" + cadence + ", email=" + (email != null) + "]";
    }
}
