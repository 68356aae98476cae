package org.civicspace.export.update;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.common.serialization.StringSerializer;
import org.civicspace.events.Topics;
import org.civicspace.export.ExportApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
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

/**
 * The one Spring context the update tests share (a real embedded broker, an in-memory Mongo-wire
 * store): same configuration in every subclass, so Spring starts it once per test JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + ExportApplication.CONFIG_NAME,
                "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:test-jwt-public.pem"})
@EmbeddedKafka(topics = {Topics.REPORT_CLASSIFIED, Topics.INCIDENT_CHANGED, UpdateTestContext.INCIDENT_DEAD_LETTERS})
abstract class UpdateTestContext {

    static final String INCIDENT_DEAD_LETTERS = "error.civic.alert.incident-changed.v1.export";

    /** Shared with the context; it stops with the test JVM. */
    static final MongoServer MONGO = new MongoServer(new MemoryBackend());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri",
                () -> "mongodb://" + MONGO.bindAndGetConnectionString().replace("mongodb://", "") + "/updates-test");
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    EmbeddedKafkaBroker broker;

    WebTestClient client;
    DefaultKafkaProducerFactory<String, String> producers;
    KafkaTemplate<String, String> kafka;

    @BeforeEach
    void connect() {
        client = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
                .responseTimeout(Duration.ofSeconds(30)).build();
        producers = new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(broker),
                new StringSerializer(), new StringSerializer());
        kafka = new KafkaTemplate<>(producers);
    }

    @AfterEach
    void closeProducer() {
        producers.destroy();
    }

    WebTestClient as(String role, String subject) {
        return client.mutateWith(mockJwt().jwt(jwt -> jwt.subject(subject))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    void send(String topic, String key, String value) {
        try {
            kafka.send(topic, key, value).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + topic, e);
        }
    }

    static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(what + " did not happen within 30 s");
    }
}
