package org.civicspace.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicspace.alert.ReportJson.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.civicspace.alert.application.Notification;
import org.civicspace.alert.application.urgent.UrgentActionService;
import org.civicspace.alert.domain.Channel;
import org.civicspace.alert.domain.delivery.WebhookSignature;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import reactor.core.publisher.Mono;

/** An urgent report reaches the on-call staff at once, escalates while nobody acknowledges, and stops when someone does. */
class UrgentActionsIT extends AlertServiceTestBase {

    @Autowired
    UrgentActionService urgentActions;

    @Test
    void anUrgentReportNotifiesTheFirstOnCallPersonEscalatesWithoutAckAndStopsOnAck() throws Exception {
        String reportId = uniqueId("r-by");
        produce("BY", report(reportId, "BY").urgency("urgent").person("Ales Bialiatski", false)
                .title("Defender detained in Minsk " + reportId).json());

        Map<String, Object> action = awaitAction(reportId, a -> ((List<?>) a.get("steps")).size() == 2);
        String id = action.get("id").toString();
        assertThat(action).containsEntry("country", "BY").containsEntry("status", "open")
                .containsEntry("notifiedLevel", 0);
        assertThat(kinds(action)).containsExactly("opened:system:[]", "notified:system:[duty-by-first]");
        Notification email = deliveries.kept("urgent:" + id + ":0:email");
        Notification webhook = deliveries.kept("urgent:" + id + ":0:webhook");
        assertThat(email.channel()).isEqualTo(Channel.EMAIL);
        assertThat(email.address()).isEqualTo("first@advocacy.example.org");
        assertThat(email.subject()).isEqualTo("URGENT BY: Defender detained in Minsk " + reportId);
        assertThat(email.text()).contains("/urgent-actions/" + id);
        assertThat(webhook.address()).isEqualTo(DeliveryTestServers.ON_CALL_HOOK.url());
        assertThat(webhook.webhookSecret()).isEqualTo("first-secret-value");
        assertThat(webhook.payload()).containsEntry("urgentActionId", id).containsEntry("level", 0);
        assertReachedTheFirstPerson(id, reportId);

        // two escalation runs at once, past the deadline: one escalation, its message kept once
        Instant late = Instant.now().plus(Duration.ofMinutes(ESCALATE_AFTER_MINUTES + 1));
        Mono.when(urgentActions.escalateDue(late), urgentActions.escalateDue(late)).block(Duration.ofSeconds(20));
        urgentActions.escalateDue(late).block(Duration.ofSeconds(20));

        action = awaitAction(reportId, a -> true);
        assertThat(kinds(action)).containsExactly("opened:system:[]", "notified:system:[duty-by-first]",
                "escalated:system:[duty-by-second]");
        assertThat(deliveries.kept("urgent:" + id + ":1:email").address()).isEqualTo("second@advocacy.example.org");
        assertThat(deliveries.kept()).filteredOn(n -> n.idempotencyKey().startsWith("urgent:" + id + ":1:"))
                .hasSize(1);

        Map<?, ?> acknowledged = client.mutateWith(as("ada", "advocacy"))
                .post().uri("/api/v1/urgent-actions/{id}/ack", id)
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(acknowledged.get("acknowledgedBy")).isEqualTo("ada");
        assertThat(acknowledged.get("status")).isEqualTo("acknowledged");
        client.mutateWith(as("bea", "admin")).post().uri("/api/v1/urgent-actions/{id}/ack", id)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.acknowledgedBy").isEqualTo("ada");

        urgentActions.escalateDue(late.plus(Duration.ofHours(2))).block(Duration.ofSeconds(20));
        assertThat(deliveries.offered()).noneMatch(n -> n.idempotencyKey().startsWith("urgent:" + id + ":2:"));
        assertThat(kinds(awaitAction(reportId, a -> true))).containsExactly("opened:system:[]",
                "notified:system:[duty-by-first]", "escalated:system:[duty-by-second]", "acknowledged:ada:[]");
    }

    @Test
    void aReportedReleaseClosesTheUrgentActionAndStopsEscalation() throws Exception {
        String detained = uniqueId("r-by-held");
        produce("BY", report(detained, "BY").urgency("urgent").person("Yanina Karpovich", false)
                .title("Blogger held in Homel " + detained).json());
        Map<String, Object> action = awaitAction(detained, a -> ((List<?>) a.get("steps")).size() == 2);
        String id = action.get("id").toString();

        produce("BY", report(uniqueId("r-by-freed"), "BY").urgency("routine").person("Yanina Karpovich", false)
                .violations("positive_development").title("Blogger freed in Homel").json());

        action = awaitAction(detained, a -> "resolved".equals(a.get("status")));
        assertThat(kinds(action)).containsExactly("opened:system:[]", "notified:system:[duty-by-first]",
                "resolved:system:[]");
        urgentActions.escalateDue(Instant.now().plus(Duration.ofHours(2))).block(Duration.ofSeconds(20));
        assertThat(deliveries.offered()).noneMatch(n -> n.idempotencyKey().startsWith("urgent:" + id + ":1:"));
    }

    /** Through the real outbox: an e-mail in the SMTP server and a webhook whose signature verifies. */
    static void assertReachedTheFirstPerson(String actionId, String reportId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        MimeMessage email = null;
        while (email == null && System.nanoTime() < deadline) {
            email = Arrays.stream(DeliveryTestServers.SMTP.getReceivedMessages())
                    .filter(message -> subject(message).contains(reportId)).findFirst().orElse(null);
            Thread.sleep(100);
        }
        assertThat(email).as("e-mail about %s", reportId).isNotNull();
        assertThat(email.getAllRecipients()).extracting(Object::toString).containsExactly("first@advocacy.example.org");

        String key = "urgent:" + actionId + ":0:webhook";
        WebhookReceiver.Received hook = null;
        while (hook == null && System.nanoTime() < deadline) {
            hook = DeliveryTestServers.ON_CALL_HOOK.received().stream()
                    .filter(request -> key.equals(request.header("Idempotency-Key"))).findFirst().orElse(null);
            Thread.sleep(100);
        }
        assertThat(hook).as("webhook %s", key).isNotNull();
        long timestamp = Long.parseLong(hook.header("X-Civicspace-Timestamp"));
        assertThat(WebhookSignature.verify("first-secret-value", timestamp, hook.body(),
                hook.header("X-Civicspace-Signature"), Instant.now().getEpochSecond(), 300)).isTrue();
        assertThat(hook.text()).contains(actionId);
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theQueueIsForAdvocacyStaffAndAnUnknownActionIsNotFound() {
        client.mutateWith(as("ana", "analyst")).get().uri("/api/v1/urgent-actions")
                .exchange().expectStatus().isForbidden();
        client.mutateWith(as("ada", "advocacy")).post().uri("/api/v1/urgent-actions/ua-nothing/ack")
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** The urgent action whose headline names this report, once {@code done} holds (at most 20 s). */
    Map<String, Object> awaitAction(String reportId, java.util.function.Predicate<Map<String, Object>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Map<String, Object> found = client.mutateWith(as("ada", "advocacy")).get().uri("/api/v1/urgent-actions")
                    .exchange().expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                    .returnResult().getResponseBody().stream()
                    .filter(a -> a.get("headline").toString().contains(reportId)).findFirst().orElse(null);
            if (found != null && done.test(found)) {
                return found;
            }
            assertThat(System.nanoTime()).as("urgent action about %s: %s", reportId, found).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    static List<String> kinds(Map<String, Object> action) {
        return ((List<?>) action.get("steps")).stream().map(step -> (Map<?, ?>) step)
                .map(step -> step.get("kind") + ":" + step.get("by") + ":" + step.get("whom")).toList();
    }
}
