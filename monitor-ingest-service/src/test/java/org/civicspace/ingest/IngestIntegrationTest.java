package org.civicspace.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civicspace.events.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
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

/**
 * The ingest service on a real embedded Kafka broker and an in-memory Mongo-wire store, shared by
 * every ingest integration test (one Spring context for all of them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + IngestApplication.CONFIG_NAME,
                "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:test-jwt-public.pem",
                // feeds in tests come from servers on 127.0.0.1; 127.0.0.2 stays forbidden
                "civicspace.ingest.fetch.allow-private-hosts=127.0.0.1",
                // tests poll on demand, so that what they see does not depend on a clock
                "civicspace.ingest.polling.enabled=false"})
@EmbeddedKafka(topics = Topics.REPORT_RECEIVED)
abstract class IngestIntegrationTest {

    /** One store for the test JVM; it goes with the JVM, since a cached context may still use it. */
    static final String MONGO_URI;

    static {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        MONGO_URI = mongo.bindAndGetConnectionString() + "/ingest-test";
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO_URI);
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    EmbeddedKafkaBroker broker;

    WebTestClient client;
    Consumer<String, String> topic;

    @BeforeEach
    void setUp() {
        // generous: the first requests of a context warm it up, on a 2-core machine shared with other builds
        client = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
                .responseTimeout(Duration.ofSeconds(30)).build();
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "ingest-test-" + System.nanoTime(), false);
        topic = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new StringDeserializer())
                .createConsumer();
        broker.consumeFromAnEmbeddedTopic(topic, Topics.REPORT_RECEIVED);
    }

    @AfterEach
    void closeConsumer() {
        topic.close();
    }

    /** Every record on the topic with this key, polling until one is there and then for {@code quiet} more. */
    List<ConsumerRecord<String, String>> recordsKeyed(String key, Duration quiet) {
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

    static SimpleGrantedAuthority role(String role) {
        return new SimpleGrantedAuthority("ROLE_" + role);
    }
}
