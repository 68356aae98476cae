package org.civicspace.alert.application.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.civicspace.alert.DeliveryProperties;
import org.civicspace.alert.adapter.out.mail.SmtpEmailSender;
import org.civicspace.alert.adapter.out.mongo.MongoOutbox;
import org.civicspace.alert.application.Notification;
import org.civicspace.alert.domain.Channel;
import org.civicspace.alert.domain.delivery.DeliveryStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A worker that dies in the middle of a delivery, on a real Mongo-wire store and a real SMTP server.
 * Time is a clock the test moves, so a lease runs out without waiting for it.
 */
class OutboxRecoveryIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"));

    private static final Duration LEASE = Duration.ofMinutes(2);

    private final MongoServer store = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create(store.bindAndGetConnectionString());
    private final MongoOutbox outbox = new MongoOutbox(new ReactiveMongoTemplate(client, "recovery"),
            JsonMapper.builder().build());
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private final DeliveryProperties properties = new DeliveryProperties(Duration.ofMillis(100), 10, 2, LEASE, 3,
            new DeliveryProperties.Backoff(Duration.ofSeconds(30), 2.0, Duration.ofMinutes(5), 0.2),
            new DeliveryProperties.Email("civicspace alerts <alerts@civicspace.test>"));
    private SmtpEmailSender email;

    @BeforeEach
    void connectToTheSmtpServer() {
        // the extension starts the server before each test, after the fields are set
        email = new SmtpEmailSender(mailSender(), properties);
    }

    @AfterEach
    void shutDown() {
        client.close();
        store.shutdownNow();
    }

    @Test
    void aWorkerThatDiesAfterClaimingLosesNothingAndDoublesNothing() throws Exception {
        outbox.add(notification("crash-before-send"), clock.instant()).block();
        DeliveryWorker dying = worker(new StallingSender(Channel.EMAIL, Mono.never()));

        Disposable crashed = dying.deliverDue().subscribe();
        awaitClaimed("crash-before-send");
        crashed.dispose();

        DeliveryWorker successor = worker(email);
        assertThat(successor.deliverDue().block()).as("entries taken while the lease holds").isZero();
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        clock.advance(LEASE.plusSeconds(1));
        assertThat(successor.deliverDue().block()).isEqualTo(1);
        assertThat(successor.deliverDue().block()).isZero();

        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        OutboxEntry entry = outbox.find("crash-before-send").block();
        assertThat(entry.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.sentAt()).isEqualTo(clock.instant());
    }

    @Test
    void aWorkerThatDiesAfterSendingButBeforeRecordingItCausesARepeatWithTheSameMessageId() throws Exception {
        outbox.add(notification("crash-after-send"), clock.instant()).block();
        // sends for real, then never records the outcome: the process died between the two
        DeliveryWorker dying = worker(new StallingSender(Channel.EMAIL,
                email.send(notification("crash-after-send")).then(Mono.never())));

        Disposable crashed = dying.deliverDue().subscribe();
        awaitEmails(1);
        crashed.dispose();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(worker(email).deliverDue().block()).isEqualTo(1);

        // at least once: the receiver gets it twice, and can tell the repeat by its Message-ID
        MimeMessage[] received = awaitEmails(2);
        assertThat(received).hasSize(2);
        assertThat(Arrays.stream(received).map(OutboxRecoveryIT::messageId).distinct()).hasSize(1);
        assertThat(outbox.find("crash-after-send").block().status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void aSecondEnqueueOfTheSameKeyChangesNothing() {
        assertThat(outbox.add(notification("once"), clock.instant()).block()).isTrue();
        clock.advance(Duration.ofMinutes(1));
        Notification changed = new Notification("once", "ana", Channel.EMAIL, "other@partners.test", null,
                "Changed", "changed", null, Map.of());

        assertThat(outbox.add(changed, clock.instant()).block()).isFalse();
        OutboxEntry stored = outbox.find("once").block();
        assertThat(stored.notification().address()).isEqualTo("ana@partners.test");
        assertThat(stored.enqueuedAt()).isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));
    }

    @Test
    void aRetryWaitsForItsBackOffAndAGiveUpKeepsTheLastError() {
        Notification noAddress = new Notification("no-address", "ana", Channel.EMAIL, null, null, "s", "t", null,
                Map.of());
        Notification unreachable = new Notification("unreachable", "ana", Channel.WEBHOOK, "http://127.0.0.1:1/x", "k",
                null, null, null, Map.of());
        outbox.add(noAddress, clock.instant()).block();
        outbox.add(unreachable, clock.instant()).block();
        ChannelSender down = new StallingSender(Channel.WEBHOOK,
                Mono.just(SendOutcome.retryable("the receiver at 127.0.0.1 answered 503")));
        DeliveryWorker worker = new DeliveryWorker(outbox, List.of(email, down), properties, clock,
                new SimpleMeterRegistry());

        assertThat(worker.deliverDue().block()).isEqualTo(2);
        assertThat(outbox.find("no-address").block()).satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(DeliveryStatus.GIVEN_UP);
            assertThat(entry.lastError()).isEqualTo("the recipient has no e-mail address");
        });
        OutboxEntry waiting = outbox.find("unreachable").block();
        assertThat(waiting.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(Duration.between(clock.instant(), waiting.nextAttemptAt()))
                .isBetween(Duration.ofSeconds(24), Duration.ofSeconds(36));
        assertThat(worker.deliverDue().block()).as("nothing due before the back-off ends").isZero();

        for (int round = 0; round < 2; round++) {
            clock.advance(Duration.ofMinutes(5));
            assertThat(worker.deliverDue().block()).isEqualTo(1);
        }
        OutboxEntry givenUp = outbox.find("unreachable").block();
        assertThat(givenUp.status()).isEqualTo(DeliveryStatus.GIVEN_UP);
        assertThat(givenUp.attempts()).isEqualTo(3);
        assertThat(givenUp.lastError()).isEqualTo("the receiver at 127.0.0.1 answered 503");
        assertThat(outbox.list(DeliveryStatus.GIVEN_UP, "ana", 10).map(OutboxEntry::id).collectList().block())
                .containsExactlyInAnyOrder("no-address", "unreachable");
    }

    private DeliveryWorker worker(ChannelSender sender) {
        return new DeliveryWorker(outbox, List.of(sender), properties, clock, new SimpleMeterRegistry());
    }

    private static Notification notification(String key) {
        return new Notification(key, "ana", Channel.EMAIL, "ana@partners.test", null, "New alert about KZ",
                "Something new is waiting.", "<p>Something new is waiting.</p>", Map.of());
    }

    private void awaitClaimed(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (outbox.find(id).block().claim() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(outbox.find(id).block().claim()).as("claim of " + id).isNotNull();
    }

    private static MimeMessage[] awaitEmails(int count) {
        assertThat(SMTP.waitForIncomingEmail(20_000, count)).as("%d e-mails arrived", count).isTrue();
        return SMTP.getReceivedMessages();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JavaMailSenderImpl mailSender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(SMTP.getSmtp().getPort());
        return sender;
    }

    /** A sender whose every attempt answers {@code outcome}: a stall, a crash, a failure. */
    private record StallingSender(Channel channel, Mono<SendOutcome> outcome) implements ChannelSender {

        @Override
        public Mono<SendOutcome> send(Notification notification) {
            return outcome;
        }

        @Override
        public String target(Notification notification) {
            return "test";
        }
    }

    /** A clock that moves only when told. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
