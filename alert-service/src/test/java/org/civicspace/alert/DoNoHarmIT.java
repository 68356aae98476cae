package org.civicspace.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicspace.alert.ReportJson.report;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicspace.alert.application.DigestService;
import org.civicspace.alert.application.Notification;
import org.civicspace.alert.domain.incident.Pseudonyms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.codec.ServerSentEvent;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import reactor.test.StepVerifier;

/**
 * A confidential report's text and a protected person's name reach no notification, SSE event,
 * AlertRaised record or log line, at any log level of our own code.
 */
class DoNoHarmIT extends AlertServiceTestBase {

    static final String SECRET_NAME = "Gulnara Atayeva";
    static final String SECRET_TEXT = "She was taken from the Kopetdag district flat by three men in plain clothes";
    static final String PROTECTED_NAME = "Merdan Orazov";

    @Autowired
    Pseudonyms pseudonyms;

    @Autowired
    DigestService digests;

    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Logger root;
    Logger ours;
    Level oursBefore;

    @BeforeEach
    void captureEveryLogLine() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ours = (Logger) LoggerFactory.getLogger("org.civicspace");
        oursBefore = ours.getLevel();
        ours.setLevel(Level.ALL);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(logs);
        ours.setLevel(oursBefore);
    }

    @Test
    void aConfidentialReportAndAProtectedPersonLeakNowhere() throws Exception {
        String streamer = "tm-streamer";
        subscribe(streamer, "{\"countries\": [\"TM\"]}");
        subscribe("tm-mailed", "{\"countries\": [\"TM\"], \"channel\": \"email\", \"email\": \"m@example.org\"}");
        subscribe("tm-daily", "{\"countries\": [\"TM\"], \"channel\": \"webhook\", \"cadence\": \"daily\","
                + " \"webhookUrl\": \"http://127.0.0.1:9/tm\", \"webhookSecret\": \"tm-daily-secret-value\"}");
        String confidential = uniqueId("r-tm-confidential");
        String publicOne = uniqueId("r-tm-public");
        List<ServerSentEvent<String>> streamed = new ArrayList<>();

        StepVerifier.create(alertStream(streamer, "TM", null))
                .then(() -> {
                    try {
                        produce("TM", report(confidential, "TM").urgency("urgent").sensitivity("confidential")
                                .title(SECRET_NAME + " abducted").text(SECRET_TEXT + ", says " + SECRET_NAME + ".")
                                .person(SECRET_NAME, true).entity("person", SECRET_NAME).json());
                        produce("TM", report(publicOne, "TM").urgency("urgent").violations("journalist_attacked")
                                .title("Journalist " + PROTECTED_NAME + " beaten in Ashgabat")
                                .person(PROTECTED_NAME, true).entity("person", PROTECTED_NAME).json());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .recordWith(() -> streamed)
                .expectNextCount(2)
                .thenCancel()
                .verify(Duration.ofSeconds(30));
        digests.sendDigests(LocalDate.now(ZoneOffset.UTC)).block(Duration.ofSeconds(20));

        String pseudonym = pseudonyms.pseudonymOf(PROTECTED_NAME);
        List<String> outputs = new ArrayList<>();
        streamed.forEach(event -> outputs.add("sse " + event.data()));
        List<ConsumerRecord<String, String>> published = records(alertRaised,
                r -> r.value().contains(confidential) || r.value().contains(publicOne), Duration.ofSeconds(1));
        published.forEach(r -> outputs.add("AlertRaised " + r.value()));
        records(incidentChanged, r -> r.value().contains(confidential) || r.value().contains(publicOne), Duration.ZERO)
                .forEach(r -> outputs.add("IncidentChanged " + r.value()));
        List<Notification> notifications = deliveries.offered().stream()
                .filter(n -> n.text().contains("TM") || n.subject().contains("TM")).toList();
        notifications.forEach(n -> outputs.add("notification " + n.subject() + "\n" + n.text() + "\n" + n.html()
                + "\n" + n.payload()));
        logs.list.forEach(line -> outputs.add("log " + line.getFormattedMessage() + thrown(line.getThrowableProxy())));

        assertThat(published).hasSize(6);
        assertThat(logs.list).as("our debug lines are captured")
                .anyMatch(line -> line.getLevel() == Level.DEBUG && line.getLoggerName().startsWith("org.civicspace"));
        assertThat(notifications).extracting(Notification::idempotencyKey).anyMatch(k -> k.startsWith("urgent:"))
                .anyMatch(k -> k.startsWith("alert:")).anyMatch(k -> k.startsWith("digest:tm-daily:"));
        assertThat(String.join("\n", outputs))
                .contains("New confidential report about TM (urgent) — sign in to read it",
                        "Journalist " + pseudonym + " beaten in Ashgabat")
                .doesNotContain("Gulnara", "Atayeva", "Kopetdag", "plain clothes", "Merdan", "Orazov");
    }

    private static String thrown(IThrowableProxy thrown) {
        return thrown == null ? "" : " " + thrown.getClassName() + ": " + thrown.getMessage() + thrown(thrown.getCause());
    }
}
