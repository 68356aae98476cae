package org.civicspace.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.civicspace.alert.application.Deliveries;
import org.civicspace.alert.application.Notification;
import org.civicspace.alert.domain.Channel;
import org.civicspace.alert.domain.delivery.WebhookSignature;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * E-mail and webhook delivery through the outbox, end to end: notifications queued through the
 * {@link Deliveries} port reach a real SMTP server (GreenMail) and real HTTP receivers on 127.0.0.1.
 */
class DeliveryIT extends AlertServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Deliveries deliveries;

    @Autowired
    MeterRegistry meters;

    @Test
    void sendsAnEmailWithPlainTextAndHtmlFromTheConfiguredSender() throws Exception {
        String key = uniqueId("mail");
        deliveries.enqueue(email(key, "ana", "ana-" + key + "@partners.test", "New alert about KZ",
                "A new alert about Kazakhstan is waiting.", "<p>A new alert about <b>Kazakhstan</b> is waiting.</p>"))
                .block();

        MimeMessage mail = awaitEmails("ana-" + key + "@partners.test", 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("New alert about KZ");
        assertThat(mail.getHeader("From", null)).isEqualTo("civicspace alerts <alerts@civicspace.test>");
        assertThat(mail.getHeader("To", null)).isEqualTo("ana-" + key + "@partners.test");
        assertThat(mail.getMessageID()).isEqualTo("<" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(key.getBytes(StandardCharsets.UTF_8)) + "@civicspace.test>");
        assertThat(mail.getContentType()).startsWith("multipart/");
        Map<String, String> parts = parts(mail);
        assertThat(parts).containsKeys("text/plain", "text/html");
        assertThat(parts.get("text/plain")).contains("A new alert about Kazakhstan is waiting.").doesNotContain("<b>");
        assertThat(parts.get("text/html")).contains("<b>Kazakhstan</b>");
        assertThat(awaitDelivery(key, "sent")).containsEntry("attempts", 1).containsEntry("channel", "email")
                .containsEntry("target", "ana-" + key + "@partners.test");
        awaitMeter("an e-mail counted as sent", () -> count("civicspace.alert.deliveries.sent", "email") > 0);
    }

    @Test
    void sendsOneEmailForAKeyQueuedTwice() throws Exception {
        String key = uniqueId("twice");
        String address = "twice-" + key + "@partners.test";
        deliveries.enqueue(email(key, "bea", address, "First", "first text", null)).block();
        deliveries.enqueue(email(key, "bea", address, "Second", "second text", null)).block();

        awaitDelivery(key, "sent");
        // the next rounds would have picked up a second copy by now
        Thread.sleep(500);
        List<MimeMessage> received = emailsTo(address);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("First");
    }

    @Test
    void postsASignedWebhookWhoseSignatureTheReceiverVerifies() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(204)) {
            String key = uniqueId("hook");
            Map<String, Object> payload = Map.of("alertId", key, "country", "KZ", "urgency", "urgent");
            deliveries.enqueue(webhook(key, "cai", receiver.url(), "s3cret-for-cai", payload)).block();

            WebhookReceiver.Received request = receiver.await(1).get(0);
            assertThat(request.header("Content-Type")).startsWith("application/json");
            assertThat(request.header("Idempotency-Key")).isEqualTo(key);
            long timestamp = Long.parseLong(request.header("X-Civicspace-Timestamp"));
            assertThat(WebhookSignature.verify("s3cret-for-cai", timestamp, request.body(),
                    request.header("X-Civicspace-Signature"), Instant.now().getEpochSecond(), 300)).isTrue();
            assertThat(WebhookSignature.verify("another-secret", timestamp, request.body(),
                    request.header("X-Civicspace-Signature"), Instant.now().getEpochSecond(), 300)).isFalse();
            assertThat(JSON.readValue(request.body(), Map.class)).isEqualTo(payload);
            awaitDelivery(key, "sent");
        }
    }

    @Test
    void retriesAReceiverThatFailsTwiceAndDeliversExactlyOnce() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(500, 500, 200)) {
            String key = uniqueId("flaky");
            double retriedBefore = count("civicspace.alert.deliveries.retried", "webhook");
            deliveries.enqueue(webhook(key, "dan", receiver.url(), "dans-secret", Map.of("alertId", key))).block();

            Map<String, Object> sent = awaitDelivery(key, "sent");
            assertThat(sent).containsEntry("attempts", 3).containsEntry("lastError", null);
            Thread.sleep(500);
            List<WebhookReceiver.Received> requests = receiver.received();
            assertThat(requests).hasSize(3).allSatisfy(r -> assertThat(r.header("Idempotency-Key")).isEqualTo(key));
            assertThat(count("civicspace.alert.deliveries.retried", "webhook") - retriedBefore).isGreaterThanOrEqualTo(2);
            awaitMeter("a webhook's latency", () -> {
                var latency = meters.find("civicspace.alert.deliveries.latency").tag("channel", "webhook").timer();
                return latency != null && latency.count() > 0;
            });
        }
    }

    @Test
    void givesUpOnAReceiverThatIsDownAndShowsItToAdminsAndTheRecipientOnly() throws Exception {
        String key = uniqueId("down");
        double givenUpBefore = count("civicspace.alert.deliveries.given_up", "webhook");
        deliveries.enqueue(webhook(key, "eve", WebhookReceiver.downUrl(), "eves-secret", Map.of("alertId", key)))
                .block();

        Map<String, Object> givenUp = awaitDelivery(key, "given_up");
        assertThat(givenUp).containsEntry("attempts", 3).containsEntry("recipient", "eve")
                .containsEntry("target", "127.0.0.1");
        assertThat((String) givenUp.get("lastError")).contains("could not connect to 127.0.0.1");
        assertThat(givenUp.toString()).doesNotContain("eves-secret");
        awaitMeter("a webhook counted as given up",
                () -> count("civicspace.alert.deliveries.given_up", "webhook") > givenUpBefore);
        assertThat(meters.find("civicspace.alert.outbox.due").gauge()).isNotNull();

        assertThat(ids(list("eve", "analyst", "given_up"))).contains(key);
        assertThat(ids(list("frank", "analyst", "given_up"))).doesNotContain(key);
        assertThat(ids(list("frank", "analyst", null))).doesNotContain(key);

        client.mutateWith(as("eve", "analyst")).post().uri("/api/v1/deliveries/{id}/retry", key)
                .exchange().expectStatus().isForbidden();
        client.mutateWith(as("root", "admin")).post().uri("/api/v1/deliveries/{id}/retry", key)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("pending").jsonPath("$.attempts").isEqualTo(0);
        awaitDelivery(key, "given_up");
    }

    @Test
    void refusesAPrivateTargetThatIsNotAllowedWithoutRetrying() throws Exception {
        String key = uniqueId("private");
        // 127.0.0.2 is loopback but not on the test allow-list: refused at the address check, before connecting
        deliveries.enqueue(webhook(key, "gus", "http://127.0.0.2:9/hook", "gus-secret", Map.of("alertId", key)))
                .block();

        Map<String, Object> givenUp = awaitDelivery(key, "given_up");
        assertThat(givenUp).containsEntry("attempts", 1);
        assertThat((String) givenUp.get("lastError")).contains("127.0.0.2", "loopback", "allow-private-hosts");
    }

    @Test
    void answersTheApiGuardsWithProblemDetails() {
        client.get().uri("/api/v1/deliveries").exchange().expectStatus().isUnauthorized();
        client.mutateWith(as("pat", "partner")).get().uri("/api/v1/deliveries").exchange().expectStatus().isForbidden();
        client.mutateWith(as("root", "admin")).get().uri("/api/v1/deliveries?status=lost")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(body -> assertThat(body).contains("given_up"));
        client.mutateWith(as("root", "admin")).post().uri("/api/v1/deliveries/{id}/retry", "no-such-delivery")
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesToRetryADeliveryThatWasSent() throws Exception {
        String key = uniqueId("sent");
        deliveries.enqueue(email(key, "hal", "hal-" + key + "@partners.test", "Hi", "text", null)).block();
        awaitDelivery(key, "sent");

        client.mutateWith(as("root", "admin")).post().uri("/api/v1/deliveries/{id}/retry", key)
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void logsNeitherTheContentNorTheSecretOfANotificationAtAnyLevel() throws Exception {
        String marker = "Zhanargul Testova";
        String secret = "marker-secret-" + uniqueId("s");
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        // everything at TRACE that the service's configuration does not pin (it pins the mail client's protocol log)
        Level rootLevel = root.getLevel();
        Logger ours = logging.getLogger("org.civicspace");
        Level ourLevel = ours.getLevel();
        root.setLevel(Level.TRACE);
        ours.setLevel(Level.TRACE);
        root.addAppender(captured);
        try (WebhookReceiver receiver = WebhookReceiver.answering(500, 200)) {
            String mailKey = uniqueId("quiet-mail");
            String hookKey = uniqueId("quiet-hook");
            deliveries.enqueue(email(mailKey, "ida", "ida-" + mailKey + "@partners.test", "About " + marker,
                    marker + " was detained.", "<p>" + marker + " was detained.</p>")).block();
            deliveries.enqueue(webhook(hookKey, "ida", receiver.url(), secret,
                    Map.of("alertId", hookKey, "headline", marker + " was detained."))).block();
            awaitDelivery(mailKey, "sent");
            awaitDelivery(hookKey, "sent");
        } finally {
            root.detachAppender(captured);
            captured.stop();
            root.setLevel(rootLevel);
            ours.setLevel(ourLevel);
        }
        List<ILoggingEvent> events;
        synchronized (captured) {
            events = new ArrayList<>(captured.list);
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : events) {
            if (event.getLoggerName().startsWith("com.icegreen") || event.getLoggerName().startsWith("de.bwaldvogel")) {
                continue; // the test's SMTP server and store, which stand for the outside world: not our logs
            }
            lines.add(event.getLoggerName() + " " + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())));
        }
        assertThat(lines).as("log lines while sending").isNotEmpty()
                .anySatisfy(line -> assertThat(line).contains("DeliveryWorker"))
                .noneSatisfy(line -> assertThat(line).containsAnyOf(marker, "Zhanargul", secret));
    }

    private Notification email(String key, String recipient, String address, String subject, String text,
            String html) {
        return new Notification(key, recipient, Channel.EMAIL, address, null, subject, text, html, Map.of());
    }

    private Notification webhook(String key, String recipient, String url, String secret,
            Map<String, Object> payload) {
        return new Notification(key, recipient, Channel.WEBHOOK, url, secret, "unused subject", "unused text", null,
                payload);
    }

    private double count(String counter, String channel) {
        var found = meters.find(counter).tag("channel", channel).counter();
        return found == null ? 0 : found.count();
    }

    /** Meters are updated just after the outcome is stored, so they may trail what the API shows by a moment. */
    private static void awaitMeter(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(done.getAsBoolean()).as(what).isTrue();
    }

    private static List<MimeMessage> emailsTo(String address) throws Exception {
        List<MimeMessage> to = new ArrayList<>();
        for (MimeMessage message : DeliveryTestServers.SMTP.getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address))) {
                to.add(message);
            }
        }
        return to;
    }

    private static List<MimeMessage> awaitEmails(String address, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<MimeMessage> found = emailsTo(address);
        while (found.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            found = emailsTo(address);
        }
        assertThat(found).as("e-mails to %s", address).hasSizeGreaterThanOrEqualTo(count);
        return found;
    }

    private static Map<String, String> parts(MimeMessage mail) throws Exception {
        Map<String, String> parts = new HashMap<>();
        collect(mail.getContent(), parts);
        return parts;
    }

    private static void collect(Object content, Map<String, String> parts) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.getContent() instanceof Multipart nested) {
                    collect(nested, parts);
                } else {
                    parts.put(part.getContentType().split(";")[0].trim().toLowerCase(), part.getContent().toString());
                }
            }
        }
    }

    private List<Map<String, Object>> list(String user, String role, String status) {
        return client.mutateWith(as(user, role)).get()
                .uri(status == null ? "/api/v1/deliveries" : "/api/v1/deliveries?status=" + status)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }

    private static List<Object> ids(List<Map<String, Object>> deliveries) {
        return deliveries.stream().map(d -> d.get("id")).toList();
    }

    /** The delivery as an admin sees it in the API. */
    private Map<String, Object> delivery(String admin, String key) {
        return list(admin, "admin", null).stream().filter(d -> key.equals(d.get("id"))).findFirst().orElse(Map.of());
    }

    /** Polls the API as an admin until the delivery has {@code status}, or fails after 20 s. */
    private Map<String, Object> awaitDelivery(String key, String status) throws InterruptedException {
        Predicate<Map<String, Object>> done = d -> status.equals(d.get("status"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Map<String, Object> delivery = delivery("root", key);
        while (!done.test(delivery) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            delivery = delivery("root", key);
        }
        assertThat(delivery).as("delivery %s", key).containsEntry("status", status);
        return delivery;
    }
}
