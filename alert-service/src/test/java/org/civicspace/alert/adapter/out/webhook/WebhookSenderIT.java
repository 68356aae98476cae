package org.civicspace.alert.adapter.out.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.civicspace.alert.WebhookProperties;
import org.civicspace.alert.WebhookReceiver;
import org.civicspace.alert.application.Notification;
import org.civicspace.alert.application.delivery.SendOutcome;
import org.civicspace.alert.domain.Channel;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook sender on its own, against real HTTP receivers on 127.0.0.1 ({@code localhost}
 * being a second host name for the same machine): circuit breakers per host, redirects, refusals.
 */
class WebhookSenderIT {

    /** Breakers open after two calls of which at least half failed, and stay open for an hour. */
    private final WebhookSender sender = new WebhookSender(new WebhookProperties(Duration.ofSeconds(1),
            Duration.ofSeconds(2), List.of("127.0.0.1", "localhost"),
            new WebhookProperties.CircuitBreaker(50, 2, 2, Duration.ofHours(1))), JsonMapper.builder().build(),
            Clock.systemUTC());

    @Test
    void opensTheCircuitOfAFailingHostWithoutBlockingAnotherHost() {
        try (WebhookReceiver failing = WebhookReceiver.answering(503);
                WebhookReceiver healthy = WebhookReceiver.answering(200)) {
            assertThat(send(failing.url())).isEqualTo(SendOutcome.retryable("the receiver at 127.0.0.1 answered 503"));
            assertThat(send(failing.url())).isEqualTo(SendOutcome.retryable("the receiver at 127.0.0.1 answered 503"));

            SendOutcome open = send(failing.url());
            assertThat(open).isInstanceOfSatisfying(SendOutcome.Failed.class, failed -> {
                assertThat(failed.retryable()).isTrue();
                assertThat(failed.reason()).contains("127.0.0.1", "circuit open");
            });
            assertThat(failing.received()).as("calls that reached the failing host").hasSize(2);

            String sameMachineOtherHost = healthy.url().replace("127.0.0.1", "localhost");
            assertThat(send(sameMachineOtherHost)).isEqualTo(SendOutcome.sent());
            assertThat(healthy.received()).hasSize(1);
        }
    }

    @Test
    void doesNotFollowARedirect() {
        try (WebhookReceiver target = WebhookReceiver.answering(200);
                WebhookReceiver redirecting = WebhookReceiver.redirectingTo(target.url())) {
            SendOutcome outcome = send(redirecting.url());

            assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Failed.class, failed -> {
                assertThat(failed.retryable()).isFalse();
                assertThat(failed.reason()).contains("302", "redirects are not followed");
            });
            assertThat(redirecting.received()).hasSize(1);
            assertThat(target.received()).isEmpty();
        }
    }

    @Test
    void refusesALoopbackAddressThatIsNotAllowedBeforeConnecting() {
        // 127.0.0.2 is not on this sender's allow-list; nothing listens there either way
        SendOutcome outcome = send("http://127.0.0.2:9/hook");

        assertThat(outcome).isEqualTo(SendOutcome.permanent("the address 127.0.0.2 is a loopback address; add it to"
                + " civicspace.alert.webhooks.allow-private-hosts to allow it"));
    }

    @Test
    void refusesOtherSchemesAndUnsignedWebhooks() {
        assertThat(send("ftp://127.0.0.1/hook")).isEqualTo(
                SendOutcome.permanent("the webhook URL must be http or https, not 'ftp'"));
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            SendOutcome unsigned = sender.send(new Notification("k-unsigned", "ana", Channel.WEBHOOK, receiver.url(),
                    null, null, null, null, Map.of())).block();

            assertThat(unsigned).isInstanceOf(SendOutcome.Failed.class);
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void treatsARefusalOfTheRequestItselfAsFinal() {
        try (WebhookReceiver receiver = WebhookReceiver.answering(401, 200)) {
            SendOutcome outcome = send(receiver.url());

            assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Failed.class, failed ->
                    assertThat(failed.retryable()).isFalse());
        }
    }

    private SendOutcome send(String url) {
        return sender.send(new Notification("k-" + url.hashCode(), "ana", Channel.WEBHOOK, url, "secret", null, null,
                null, Map.of("alertId", "a-1"))).block();
    }
}
