package org.civicspace.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.civicspace.events.Classification;
import org.civicspace.events.Freedom;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void matchesAReportAboutOneOfItsCountriesAtItsMinimumUrgencyOrAbove() {
        Subscription kzHigh = subscription(Set.of("KZ", "KG"), Set.of(), Set.of(), Urgency.HIGH);

        assertThat(kzHigh.matches(classified("KZ", Urgency.HIGH, Set.of(), Set.of()))).isTrue();
        assertThat(kzHigh.matches(classified("KG", Urgency.URGENT, Set.of(), Set.of()))).isTrue();
        assertThat(kzHigh.matches(classified("KZ", Urgency.ROUTINE, Set.of(), Set.of()))).isFalse();
        assertThat(kzHigh.matches(classified("UZ", Urgency.URGENT, Set.of(), Set.of()))).isFalse();
    }

    @Test
    void neverMatchesAReportThatIsNotRelevant() {
        Subscription anything = subscription(Set.of("KZ"), Set.of(), Set.of(), Urgency.ROUTINE);

        assertThat(anything.matches(classified("KZ", Urgency.NOT_RELEVANT, Set.of(), Set.of()))).isFalse();
        assertThat(anything.matches(classified("KZ", null, Set.of(), Set.of()))).isFalse();
        assertThat(anything.matches(classified(null, Urgency.URGENT, Set.of(), Set.of()))).isFalse();
    }

    @Test
    void asksForAnOverlapOnlyWhenFreedomsOrViolationTypesAreGiven() {
        Subscription assembly = subscription(Set.of("KZ"), Set.of(Freedom.PEACEFUL_ASSEMBLY), Set.of(),
                Urgency.ROUTINE);
        Subscription detentions = subscription(Set.of("KZ"), Set.of(),
                Set.of(ViolationType.HRD_DETAINED, ViolationType.JOURNALIST_DETAINED), Urgency.ROUTINE);

        assertThat(assembly.matches(classified("KZ", Urgency.HIGH,
                Set.of(Freedom.EXPRESSION, Freedom.PEACEFUL_ASSEMBLY), Set.of()))).isTrue();
        assertThat(assembly.matches(classified("KZ", Urgency.HIGH, Set.of(Freedom.EXPRESSION), Set.of())))
                .isFalse();
        assertThat(detentions.matches(classified("KZ", Urgency.HIGH, Set.of(),
                Set.of(ViolationType.JOURNALIST_DETAINED)))).isTrue();
        assertThat(detentions.matches(classified("KZ", Urgency.HIGH, Set.of(), Set.of(ViolationType.CENSORSHIP))))
                .isFalse();
        assertThat(detentions.matches(classified("KZ", Urgency.HIGH, Set.of(), Set.of()))).isFalse();
    }

    @Test
    void takesTheDefaultsForWhatIsLeftOut() {
        Subscription defaults = new Subscription("s", "ana", Set.of("KZ"), null, null, null, null, null, null, null,
                null, NOW);

        assertThat(defaults.minUrgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(defaults.channel()).isEqualTo(Channel.SSE);
        assertThat(defaults.cadence()).isEqualTo(Cadence.IMMEDIATE);
        assertThat(defaults.freedoms()).isEmpty();
    }

    @Test
    void refusesWhatCouldNeverBeDeliveredOrMatched() {
        assertThatThrownBy(() -> new Subscription("s", "ana", Set.of(), null, null, null, null, null, null, null, null,
                NOW))
                .isInstanceOf(InvalidSubscriptionException.class).hasMessageStartingWith("countries");
        assertThatThrownBy(() -> new Subscription("s", "ana", Set.of("kz"), null, null, null, null, null, null, null,
                null, NOW)).isInstanceOf(InvalidSubscriptionException.class).hasMessageStartingWith("countries");
        assertThatThrownBy(() -> new Subscription("s", "ana", Set.of("KZ"), null, null, null, Channel.WEBHOOK, null,
                null, "secret", null, NOW)).isInstanceOf(InvalidSubscriptionException.class)
                .extracting(e -> ((InvalidSubscriptionException) e).field()).isEqualTo("webhookUrl");
        assertThatThrownBy(() -> new Subscription("s", "ana", Set.of("KZ"), null, null, Urgency.NOT_RELEVANT, null,
                null, null, null, null, NOW)).isInstanceOf(InvalidSubscriptionException.class)
                .hasMessageStartingWith("minUrgency");
    }

    @Test
    void needsAnAddressForEmailAndAPushedChannelForADigest() {
        assertThatThrownBy(() -> new Subscription("s", "ana", Set.of("KZ"), null, null, null, Channel.EMAIL, null,
                null, null, null, NOW).checkDeliverable()).isInstanceOf(InvalidSubscriptionException.class)
                .extracting(e -> ((InvalidSubscriptionException) e).field()).isEqualTo("email");
        assertThatThrownBy(() -> new Subscription("s", "ana", Set.of("KZ"), null, null, null, Channel.SSE,
                Cadence.DAILY, null, null, null, NOW).checkDeliverable()).isInstanceOf(InvalidSubscriptionException.class)
                .extracting(e -> ((InvalidSubscriptionException) e).field()).isEqualTo("cadence");
        assertThat(new Subscription("s", "ana", Set.of("KZ"), null, null, null, Channel.EMAIL, Cadence.DAILY, null,
                null, "ana@example.org", NOW).checkDeliverable().isPushed()).isTrue();
        assertThat(new Subscription("s", "ana", Set.of("KZ"), null, null, null, Channel.EMAIL, Cadence.DAILY, null,
                null, null, NOW).isPushed()).as("stored before addresses were asked for").isFalse();
    }

    @Test
    void neverShowsItsWebhookSecretInText() {
        Subscription webhook = new Subscription("s", "ana", Set.of("KZ"), null, null, null, Channel.WEBHOOK, null,
                "https://hooks.example.org/in", "s3cr3t-value", null, NOW);

        assertThat(webhook.toString()).doesNotContain("s3cr3t-value");
    }

    static Subscription subscription(Set<String> countries, Set<Freedom> freedoms, Set<ViolationType> violations,
            Urgency minimum) {
        return new Subscription("sub-1", "ana", countries, freedoms, violations, minimum, Channel.SSE,
                Cadence.IMMEDIATE, null, null, null, NOW);
    }

    static Classification classified(String country, Urgency urgency, Set<Freedom> freedoms,
            Set<ViolationType> violations) {
        return new Classification("en", country, List.of(), freedoms, violations, urgency, List.of(), "test");
    }
}
