package org.civicspace.export.update;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.common.serialization.StringSerializer;
import org.civicspace.events.Topics;
import org.civicspace.export.ExportApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
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

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The one Spring context the update tests share (a real embedded broker, an in-memory Mongo-wire
 * store): same configuration in every subclass, so Spring starts it once per test JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + ExportApplication.CONFIG_NAME,
                "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:test-jwt-public.pem",
                "civicspace.export.updates.monthly.countries=KG,TJ,not-a-country",
                "civicspace.export.updates.monthly.editors.KG=kg-desk@civicspace.test,central-asia@civicspace.test",
                "civicspace.export.updates.monthly.mail-from=civicspace updates <updates@civicspace.test>",
                "civicspace.export.updates.monthly.link=https://civicspace.test/updates/"})
@Import(UpdateTestContext.Clocks.class)
@EmbeddedKafka(topics = {Topics.REPORT_CLASSIFIED, Topics.INCIDENT_CHANGED, UpdateTestContext.INCIDENT_DEAD_LETTERS})
abstract class UpdateTestContext {

    static final String INCIDENT_DEAD_LETTERS = "error.civic.alert.incident-changed.v1.export";

    /** Shared with the context; it stops with the test JVM. */
    static final MongoServer MONGO = new MongoServer(new MemoryBackend());

    /** A real SMTP server on 127.0.0.1, for the monthly drafts' e-mails; it stops with the test JVM. */
    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("spring.mongodb.uri",
                () -> "mongodb://" + MONGO.bindAndGetConnectionString().replace("mongodb://", "") + "/updates-test");
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    SettableClock clock;

    @Autowired
    EmbeddedKafkaBroker broker;

    WebTestClient client;
    DefaultKafkaProducerFactory<String, String> producers;
    KafkaTemplate<String, String> kafka;

    @BeforeEach
    void connect() {
        clock.reset();
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

    /** The clock the service runs on in these tests: the real time unless a test sets it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock();
        }
    }

    /** A UTC clock a test can set, so that nothing waits for a date to come. */
    static class SettableClock extends Clock {

        private volatile Instant fixed;

        void set(Instant instant) {
            fixed = instant;
        }

        void reset() {
            fixed = null;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            Instant now = fixed;
            return now != null ? now : Instant.now();
        }
    }
}
