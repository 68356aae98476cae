package org.civicspace.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.civicspace.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The archive end to end: records on the real (embedded) broker in, the HTTP API out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + ExportApplication.CONFIG_NAME,
                "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:test-jwt-public.pem"})
@EmbeddedKafka(topics = {Topics.REPORT_CLASSIFIED, ReportArchiveIT.DEAD_LETTERS})
@ExtendWith(OutputCaptureExtension.class)
class ReportArchiveIT {

    static final String DEAD_LETTERS = "error.civic.classification.report-classified.v1.export";

    static final MongoServer MONGO = new MongoServer(new MemoryBackend());

    // words of the report that must never reach a log line
    static final String TITLE = "Activist held in Almaty";
    static final String TEXT = "Police detained a local activist after a picket.";
    static final String PERSON = "Aigerim Testova";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri",
                () -> "mongodb://" + MONGO.bindAndGetConnectionString().replace("mongodb://", "") + "/export-test");
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

    @Autowired
    ReactiveMongoTemplate mongo;

    WebTestClient client;
    DefaultKafkaProducerFactory<String, String> producers;
    KafkaTemplate<String, String> topic;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
        producers = new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(broker),
                new StringSerializer(), new StringSerializer());
        topic = new KafkaTemplate<>(producers);
    }

    @AfterEach
    void closeProducer() {
        producers.destroy();
    }

    @Test
    void archivesAClassifiedReportAndServesItWithItsClassification(CapturedOutput output) {
        String id = newId();
        send("KZ", classified(id, "public", "partner-a"));
        awaitArchived(id);

        read(id, "analyst-1", "analyst").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.sensitivity").isEqualTo("public")
                .jsonPath("$.source.kind").isEqualTo("partner")
                .jsonPath("$.source.submittedBy").isEqualTo("partner-a")
                .jsonPath("$.report.title").isEqualTo(TITLE)
                .jsonPath("$.report.occurredAt").isEqualTo("2026-11-01T10:00:00Z")
                .jsonPath("$.report.persons[0].protected").isEqualTo(true)
                .jsonPath("$.classification.country").isEqualTo("KZ")
                .jsonPath("$.classification.freedoms[0]").isEqualTo("peaceful_assembly")
                .jsonPath("$.classification.violationTypes[0]").isEqualTo("protester_detained")
                .jsonPath("$.classification.urgency").isEqualTo("urgent")
                .jsonPath("$.classification.tags[0].evidence[0].words").isEqualTo("detained")
                .jsonPath("$.duplicateOf").isEmpty()
                .jsonPath("$.archivedAt").isNotEmpty();

        assertThat(auditEntries(id)).as("reading a public report is not audited").isEmpty();
        awaitScraped("civicspace_export_reports_archived_total{outcome=\"new\"");
        assertThat(output.getAll()).contains(id).doesNotContain(TITLE, TEXT, PERSON);
    }

    @Test
    void keepsOneUnchangedCopyOfAReportDeliveredTwice() {
        String id = newId();
        String record = classified(id, "public", "partner-a");
        send("KG", record);
        awaitArchived(id);
        String first = read(id, "analyst-1", "analyst").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        send("KG", record);
        // the same key keeps one partition, so once the marker is archived the redelivery was handled
        String marker = newId();
        send("KG", classified(marker, "public", "partner-a"));
        awaitArchived(marker);

        assertThat(mongo.count(byId(id), "archived_reports").block()).isEqualTo(1);
        read(id, "analyst-1", "analyst").expectStatus().isOk().expectBody(String.class).isEqualTo(first);
        assertThat(scrape()).contains("civicspace_export_reports_archived_total{outcome=\"unchanged\"");
    }

    @Test
    void deadLettersPoisonMessagesAndStillArchivesTheNextGoodOne(CapturedOutput output) {
        // one key for all three: the good record comes after the poison on the same partition
        String key = "poison-" + UUID.randomUUID();
        String notJson = "this is not JSON at all {";
        String unknownSensitivity = classified(newId(), "secret", "partner-a")
                .replace(TITLE, "Shelter address of a defender");
        String good = newId();
        try (Consumer<String, String> deadLetters = deadLetterConsumer()) {
            send(key, notJson);
            send(key, unknownSensitivity);
            send(key, classified(good, "public", "partner-a"));

            awaitArchived(good);
            List<ConsumerRecord<String, String>> dead = recordsKeyed(deadLetters, key, 2);
            assertThat(dead).extracting(ConsumerRecord::value).containsExactly(notJson, unknownSensitivity);
            assertThat(dead).allSatisfy(record -> {
                assertThat(header(record, "x-original-topic")).isEqualTo(Topics.REPORT_CLASSIFIED);
                assertThat(header(record, "x-exception-message")).isNotBlank();
            });
        }
        assertThat(output.getAll()).doesNotContain("Shelter address of a defender", TEXT, PERSON);
    }

    @Test
    void showsARestrictedReportToAnalystsAndAuditsEachRead() {
        String id = newId();
        send("KZ", classified(id, "restricted", "partner-a"));
        awaitArchived(id);

        read(id, "analyst-1", "analyst").expectStatus().isOk()
                .expectBody().jsonPath("$.sensitivity").isEqualTo("restricted");
        read(id, "editor-1", "editor").expectStatus().isOk();

        List<Document> audit = auditEntries(id);
        assertThat(audit).extracting(entry -> entry.getString("reader")).containsExactlyInAnyOrder("analyst-1", "editor-1");
        Document analystRead = audit.stream().filter(entry -> "analyst-1".equals(entry.getString("reader"))).findFirst()
                .orElseThrow();
        assertThat(analystRead.getList("readerRoles", String.class)).containsExactly("analyst");
        assertThat(analystRead.getString("sensitivity")).isEqualTo("RESTRICTED");
        assertThat(analystRead.get("readAt")).isNotNull();

        read(id, "partner-b", "partner").expectStatus().isNotFound();
        assertThat(auditEntries(id)).as("a refused read is not a read").hasSize(2);
    }

    @Test
    void showsAConfidentialReportOnlyToItsPartnerAndToAdmins() {
        String id = newId();
        send("KZ", classified(id, "confidential", "partner-a"));
        awaitArchived(id);

        read(id, "analyst-1", "analyst").expectStatus().isNotFound();
        read(id, "editor-1", "editor").expectStatus().isNotFound();
        read(id, "partner-b", "partner").expectStatus().isNotFound();
        read(id, "partner-a", "partner").expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(id);
        read(id, "admin-1", "admin").expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(id);

        assertThat(auditEntries(id)).extracting(entry -> entry.getString("reader"))
                .containsExactlyInAnyOrder("partner-a", "admin-1");
    }

    @Test
    void answersAHiddenReportExactlyLikeAMissingOne() {
        String hidden = newId();
        send("KZ", classified(hidden, "confidential", "partner-a"));
        awaitArchived(hidden);

        Map<String, Object> refused = problem(read(hidden, "analyst-1", "analyst"));
        Map<String, Object> missing = problem(read(newId(), "analyst-1", "analyst"));

        assertThat(refused).isEqualTo(missing).containsEntry("status", 404).containsEntry("title", "Report not found");
    }

    @Test
    void wantsATokenWithAReadingRole() {
        client.get().uri("/api/v1/reports/{id}", newId()).exchange().expectStatus().isUnauthorized();
        read(newId(), "advocate-1", "advocacy").expectStatus().isForbidden();
    }

    @Test
    void reportsHealthWithoutAToken() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    /** A ReportClassified as classification-service puts it on the wire. */
    private static String classified(String reportId, String sensitivity, String submittedBy) {
        return """
                {"eventId": "%s", "occurredAt": "2026-11-01T10:05:00Z", "reportId": "%s", "sensitivity": "%s",
                 "source": {"kind": "partner", "submittedBy": "%s", "feedId": null},
                 "report": {"title": "%s", "text": "%s", "language": "en", "occurredAt": "2026-11-01T10:00:00Z",
                            "place": "Almaty", "partnerReference": "A-100", "sourceUrl": null,
                            "hints": {"country": "KZ", "freedoms": ["peaceful_assembly"]},
                            "persons": [{"name": "%s", "role": "activist", "protected": true}]},
                 "duplicateOf": null,
                 "classification": {"language": "en", "country": "KZ", "otherCountries": [],
                                    "freedoms": ["peaceful_assembly"], "violationTypes": ["protester_detained"],
                                    "urgency": "urgent",
                                    "tags": [{"kind": "violation", "value": "protester_detained", "confidence": 0.9,
                                              "fromHint": false,
                                              "evidence": [{"field": "text", "start": 7, "end": 15,
                                                            "words": "detained"}]}],
                                    "classifierVersion": "test-1"}}
                """.formatted(UUID.randomUUID(), reportId, sensitivity, submittedBy, TITLE, TEXT, PERSON);
    }

    private void send(String key, String value) {
        try {
            topic.send(Topics.REPORT_CLASSIFIED, key, value).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + Topics.REPORT_CLASSIFIED, e);
        }
    }

    private void awaitArchived(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(mongo.exists(byId(id), "archived_reports").block())) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("report " + id + " was not archived within 20 s");
    }

    private WebTestClient.ResponseSpec read(String id, String subject, String role) {
        return client.mutateWith(mockJwt().jwt(jwt -> jwt.subject(subject))
                        .authorities(new SimpleGrantedAuthority("ROLE_" + role)))
                .get().uri("/api/v1/reports/{id}", id).exchange();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> problem(WebTestClient.ResponseSpec response) {
        Map<String, Object> body = new HashMap<>(response.expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody());
        body.remove("instance"); // the request path, which differs by the id asked for
        return body;
    }

    private List<Document> auditEntries(String reportId) {
        return mongo.find(Query.query(Criteria.where("reportId").is(reportId)), Document.class, "audit_log")
                .collectList().block();
    }

    private String scrape() {
        return client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** The archive counts a report once it is indexed too, a moment after the report is stored. */
    private void awaitScraped(String line) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!scrape().contains(line) && System.nanoTime() < deadline) {
            sleep(100);
        }
        assertThat(scrape()).contains(line);
    }

    private Consumer<String, String> deadLetterConsumer() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "export-dlq-test-" + UUID.randomUUID(), false);
        Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new StringDeserializer()).createConsumer();
        broker.consumeFromAnEmbeddedTopic(consumer, DEAD_LETTERS);
        return consumer;
    }

    /** The first {@code count} records with this key; other tests' records on the topic are skipped. */
    private static List<ConsumerRecord<String, String>> recordsKeyed(Consumer<String, String> consumer, String key,
            int count) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (found.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (key.equals(record.key())) {
                    found.add(record);
                }
            });
        }
        assertThat(found).as("records keyed %s", key).hasSize(count);
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static String newId() {
        return "r-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
