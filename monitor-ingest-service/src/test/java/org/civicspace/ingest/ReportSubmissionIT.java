package org.civicspace.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civicspace.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + IngestApplication.CONFIG_NAME,
                "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:test-jwt-public.pem"})
@EmbeddedKafka(topics = Topics.REPORT_RECEIVED)
class ReportSubmissionIT {

    static final MongoServer MONGO = new MongoServer(new MemoryBackend());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri",
                () -> "mongodb://" + MONGO.bindAndGetConnectionString().replace("mongodb://", "") + "/ingest-test");
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    EmbeddedKafkaBroker broker;

    WebTestClient client;
    Consumer<String, String> topic;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "ingest-test-" + System.nanoTime(), false);
        topic = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new StringDeserializer())
                .createConsumer();
        broker.consumeFromAnEmbeddedTopic(topic, Topics.REPORT_RECEIVED);
    }

    @Test
    void publishesAnAcceptedReportKeyedByItsId() {
        String id = submit("partner-a", """
                {"title": "Activist held in Almaty", "text": "Police detained a local activist after a picket.",
                 "language": "en", "occurredAt": "2026-11-01T10:00:00Z", "partnerReference": "A-100",
                 "sensitivity": "restricted", "hints": {"country": "KZ", "freedoms": ["peaceful_assembly"]},
                 "persons": [{"name": "Aigerim Test", "role": "defender", "protected": true}]}
                """, HttpStatus.ACCEPTED);

        List<ConsumerRecord<String, String>> published = recordsKeyed(id, Duration.ofSeconds(1));
        assertThat(published).hasSize(1);
        ConsumerRecord<String, String> record = published.get(0);
        assertThat(record.key()).isEqualTo(id);
        assertThat(record.value())
                .contains("\"reportId\":\"" + id + "\"", "\"sensitivity\":\"restricted\"",
                        "\"occurredAt\":\"2026-11-01T10:00:00Z\"", "\"protected\":true",
                        "\"freedoms\":[\"peaceful_assembly\"]", "\"submittedBy\":\"partner-a\"");
        assertThat(new String(record.headers().lastHeader(Topics.SENSITIVITY_HEADER).value())).isEqualTo("restricted");
    }

    @Test
    void answersAResubmissionWithTheSameIdAndPublishesNothingNew() {
        String body = """
                {"title": "Newspaper office searched", "text": "Officers searched the editorial office.",
                 "partnerReference": "B-7"}
                """;
        String first = submit("partner-b", body, HttpStatus.ACCEPTED);
        String again = submit("partner-b", body.replace("editorial office", "editorial office in the morning"),
                HttpStatus.OK);

        assertThat(again).isEqualTo(first);
        assertThat(recordsKeyed(first, Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void recognisesTheSameContentWithoutAPartnerReference() {
        String body = """
                {"title": "Rally dispersed", "text": "Police dispersed a rally in the city centre."}
                """;
        String first = submit("partner-c", body, HttpStatus.ACCEPTED);
        assertThat(submit("partner-c", body, HttpStatus.OK)).isEqualTo(first);
    }

    @Test
    void refusesAnInvalidReportWithProblemDetailsNamingEachField() {
        client.mutateWith(mockJwt().jwt(jwt -> jwt.subject("partner-a")).authorities(role("partner")))
                .post().uri("/api/v1/reports").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title": "", "text": "x", "occurredAt": "2999-01-01T00:00:00Z",
                         "hints": {"country": "kz"}}
                        """)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("title", "occurredAt", "must not be in the future", "hints.country"));
    }

    @Test
    void refusesMalformedJsonAndUnknownSensitivityWithProblemDetails() {
        for (String body : List.of("{\"title\": ", "{\"title\": \"t\", \"text\": \"x\", \"sensitivity\": \"secret\"}")) {
            client.mutateWith(mockJwt().authorities(role("partner")))
                    .post().uri("/api/v1/reports").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void letsOnlyPartnersAndAdminsSubmit() {
        String body = "{\"title\": \"t\", \"text\": \"x\"}";
        client.post().uri("/api/v1/reports").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isUnauthorized();
        client.mutateWith(mockJwt().authorities(role("analyst")))
                .post().uri("/api/v1/reports").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isForbidden();
    }

    private String submit(String partner, String body, HttpStatus expected) {
        return client.mutateWith(mockJwt().jwt(jwt -> jwt.subject(partner)).authorities(role("partner")))
                .post().uri("/api/v1/reports").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    /** Every record on the topic with this key, polling until one is there and then for {@code quiet} more. */
    private List<ConsumerRecord<String, String>> recordsKeyed(String key, Duration quiet) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            topic.poll(Duration.ofMillis(200)).forEach(r -> { if (key.equals(r.key())) found.add(r); });
        }
        long quietUntil = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < quietUntil) {
            topic.poll(Duration.ofMillis(200)).forEach(r -> { if (key.equals(r.key())) found.add(r); });
        }
        assertThat(found).as("records keyed %s", key).isNotEmpty();
        return found;
    }

    private static SimpleGrantedAuthority role(String role) {
        return new SimpleGrantedAuthority("ROLE_" + role);
    }
}
