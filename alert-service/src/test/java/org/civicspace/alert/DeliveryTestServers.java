package org.civicspace.alert;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) and a webhook receiver on 127.0.0.1 for the integration tests' one shared context, and
 * the delivery settings they run with: quick rounds and back-off, three attempts, 127.0.0.1 allowed
 * as a webhook target. The shared context's circuit breakers never open (every receiver here is on
 * 127.0.0.1, so one test's failing receiver would close the host to the next test); breakers are
 * tested on a sender of their own.
 */
public final class DeliveryTestServers {

    /** Started once per test JVM, like the in-memory store; it stops with the JVM. */
    public static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    /** The webhook of Belarus's first on-call person: a real receiver on 127.0.0.1 that accepts everything. */
    public static final WebhookReceiver ON_CALL_HOOK = WebhookReceiver.answering(204);

    static {
        SMTP.start();
    }

    private DeliveryTestServers() {
    }

    static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("civicspace.alert.delivery.poll-interval", () -> "100ms");
        registry.add("civicspace.alert.delivery.max-attempts", () -> "3");
        registry.add("civicspace.alert.delivery.backoff.initial", () -> "100ms");
        registry.add("civicspace.alert.delivery.backoff.max", () -> "400ms");
        registry.add("civicspace.alert.delivery.email.from", () -> "civicspace alerts <alerts@civicspace.test>");
        registry.add("civicspace.alert.webhooks.allow-private-hosts", () -> "127.0.0.1");
        registry.add("civicspace.alert.webhooks.connect-timeout", () -> "1s");
        registry.add("civicspace.alert.webhooks.response-timeout", () -> "2s");
        registry.add("civicspace.alert.webhooks.circuit-breaker.minimum-calls", () -> "1000");
        registry.add("civicspace.alert.webhooks.circuit-breaker.window", () -> "1000");
    }
}
