package org.civicspace.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civicspace.events.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import reactor.core.publisher.Flux;

/**
 * One Spring context for every integration test class: a real Kafka broker, an in-memory
 * Mongo-wire store, the service as configured in {@code alert-service.yml}. Tests share them, so
 * each uses its own users, countries and report ids, and finds its records by key or id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + AlertApplication.CONFIG_NAME,
                "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:test-jwt-public.pem",
                "civicspace.alert.heartbeat=300ms",
                // the live feed's own consumer group reads from the start of the (fresh) topic: no alert
                // raised before its partitions were assigned is missed by a test's stream
                "spring.cloud.stream.kafka.bindings.streamAlerts-in-0.consumer.start-offset=earliest",
                "civicspace.alert.notify.immediate-per-hour=" + AlertServiceTestBase.BUDGET,
                "civicspace.alert.urgent.escalate-after=" + AlertServiceTestBase.ESCALATE_AFTER_MINUTES + "m",
                "civicspace.alert.urgent.check-every=1s"})
@Import(RecordingDeliveries.class)
@EmbeddedKafka(topics = {Topics.REPORT_CLASSIFIED, Topics.ALERT_RAISED, Topics.INCIDENT_CHANGED,
        AlertServiceTestBase.DEAD_LETTERS})
abstract class AlertServiceTestBase {

    static final String DEAD_LETTERS = "error." + Topics.REPORT_CLASSIFIED + ".alert";
    /** Immediate e-mail or webhook alerts per subscriber and hour. */
    static final int BUDGET = 3;
    static final int ESCALATE_AFTER_MINUTES = 15;

    /** Started once per test JVM and kept for the cached context; it stops with the JVM. */
    static final MongoServer MONGO = new MongoServer(new MemoryBackend());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri",
                () -> "mongodb://" + MONGO.bindAndGetConnectionString().replace("mongodb://", "") + "/alert-test");
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        DeliveryTestServers.register(registry);
        // the on-call rosters, all in this one source: Spring binds a list from a single property source
        registry.add("civicspace.alert.urgent.on-call.BY[0].name", () -> "duty-by-first");
        registry.add("civicspace.alert.urgent.on-call.BY[0].email", () -> "first@advocacy.example.org");
        registry.add("civicspace.alert.urgent.on-call.BY[0].webhook-url", DeliveryTestServers.ON_CALL_HOOK::url);
        registry.add("civicspace.alert.urgent.on-call.BY[0].webhook-secret", () -> "first-secret-value");
        registry.add("civicspace.alert.urgent.on-call.BY[1].name", () -> "duty-by-second");
        registry.add("civicspace.alert.urgent.on-call.BY[1].email", () -> "second@advocacy.example.org");
        registry.add("civicspace.alert.urgent.on-call.BY[2].name", () -> "duty-by-third");
        registry.add("civicspace.alert.urgent.on-call.BY[2].email", () -> "third@advocacy.example.org");
        registry.add("civicspace.alert.urgent.on-call.default[0].name", () -> "duty-anywhere");
        registry.add("civicspace.alert.urgent.on-call.default[0].email", () -> "anywhere@advocacy.example.org");
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    RecordingDeliveries deliveries;

    WebTestClient client;
    KafkaTemplate<String, String> producer;
    Consumer<String, String> alertRaised;
    Consumer<String, String> incidentChanged;
    Consumer<String, String> deadLetters;

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
                .responseTimeout(Duration.ofSeconds(20)).build();
        producer = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(broker),
                new StringSerializer(), new StringSerializer()));
        alertRaised = consumerOf(Topics.ALERT_RAISED);
        incidentChanged = consumerOf(Topics.INCIDENT_CHANGED);
        deadLetters = consumerOf(DEAD_LETTERS);
    }

    @AfterEach
    void disconnect() {
        alertRaised.close();
        incidentChanged.close();
        deadLetters.close();
        producer.destroy();
    }

    private Consumer<String, String> consumerOf(String topic) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "alert-test-" + UUID.randomUUID(), false);
        Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new StringDeserializer()).createConsumer();
        broker.consumeFromAnEmbeddedTopic(consumer, topic);
        return consumer;
    }

    static JwtMutator as(String user, String... roles) {
        return mockJwt().jwt(jwt -> jwt.subject(user))
                .authorities(Arrays.stream(roles).map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                        .toArray(GrantedAuthority[]::new));
    }

    /** Subscribes {@code user} (an analyst) and answers the subscription's id. */
    String subscribe(String user, String body) {
        Map<?, ?> created = client.mutateWith(as(user, "analyst"))
                .post().uri("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CREATED)
                .expectBody(Map.class).returnResult().getResponseBody();
        return created.get("id").toString();
    }

    /** The alert events (no heartbeats) of {@code user}'s stream, which opens when subscribed to. */
    Flux<ServerSentEvent<String>> alertStream(String user, String countries, Long lastEventId) {
        return client.mutateWith(as(user, "analyst"))
                .get().uri("/api/v1/alerts/stream?country={countries}", countries)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(headers -> {
                    if (lastEventId != null) {
                        headers.set("Last-Event-ID", lastEventId.toString());
                    }
                })
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .getResponseBody()
                .filter(event -> event.event() != null);
    }

    /** {@code user}'s stored alerts as {@code GET /api/v1/alerts} answers them, newest first. */
    List<Map<String, Object>> storedAlerts(String user, String countries) {
        return client.mutateWith(as(user, "analyst"))
                .get().uri("/api/v1/alerts?country={countries}", countries)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }

    /** Polls {@link #storedAlerts} until {@code done} holds, or fails after 20 s. */
    List<Map<String, Object>> awaitStoredAlerts(String user, String countries,
            Predicate<List<Map<String, Object>>> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Map<String, Object>> alerts = storedAlerts(user, countries);
        while (!done.test(alerts) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            alerts = storedAlerts(user, countries);
        }
        assertThat(done.test(alerts)).as("alerts of %s about %s: %s", user, countries, alerts).isTrue();
        return alerts;
    }

    void produce(String key, String value) throws Exception {
        producer.send(Topics.REPORT_CLASSIFIED, key, value).get(10, TimeUnit.SECONDS);
    }

    /** {@link #produce} for a lambda, such as a {@code StepVerifier}'s {@code then}. */
    void produceUnchecked(String key, String value) {
        try {
            produce(key, value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every record matching {@code wanted} on the topic, polling until one is there (at most
     * 20 s) and then for {@code quiet} more, so that a second one would be seen too.
     */
    static List<ConsumerRecord<String, String>> records(Consumer<String, String> topic,
            Predicate<ConsumerRecord<String, String>> wanted, Duration quiet) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            topic.poll(Duration.ofMillis(200)).forEach(r -> { if (wanted.test(r)) found.add(r); });
        }
        long quietUntil = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < quietUntil) {
            topic.poll(Duration.ofMillis(200)).forEach(r -> { if (wanted.test(r)) found.add(r); });
        }
        assertThat(found).as("wanted records").isNotEmpty();
        return found;
    }

    /** The AlertRaised records of the alert that this report raised or updated for this subscription. */
    static Predicate<ConsumerRecord<String, String>> alertOf(String reportId, String subscriptionId) {
        return r -> r.value().contains("\"reportId\":\"" + reportId + "\"")
                && r.value().contains("\"subscriptionId\":\"" + subscriptionId + "\"");
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A {@code ReportClassified} in the wire format: camelCase, enum wire names, ISO instants. */
    static String reportClassified(String reportId, String country, String urgency, String sensitivity, String title,
            String text, String personsJson) {
        return """
                {"eventId": "%s", "occurredAt": "2026-11-20T09:00:00Z", "reportId": "%s", "sensitivity": "%s",
                 "source": {"kind": "partner", "submittedBy": "partner-a", "feedId": null},
                 "report": {"title": "%s", "text": "%s", "language": "en", "occurredAt": "2026-11-20T08:00:00Z",
                            "place": null, "partnerReference": null, "sourceUrl": null, "hints": null,
                            "persons": [%s]},
                 "duplicateOf": null,
                 "classification": {"language": "en", "country": "%s", "otherCountries": [],
                                    "freedoms": ["peaceful_assembly"], "violationTypes": ["protester_detained"],
                                    "urgency": "%s", "tags": [], "classifierVersion": "test"}}
                """.formatted(UUID.randomUUID(), reportId, sensitivity, title, text, personsJson, country, urgency);
    }

    static String publicReport(String reportId, String country, String urgency) {
        return reportClassified(reportId, country, urgency, "public", "Picket dispersed in the capital " + reportId,
                "Police dispersed a small picket and detained two protesters.", "");
    }
}
