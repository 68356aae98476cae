package org.civicspace.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civicspace.events.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + ClassificationApplication.CONFIG_NAME,
                "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:test-jwt-public.pem"})
@EmbeddedKafka(topics = {Topics.REPORT_RECEIVED, Topics.REPORT_CLASSIFIED,
        "error." + Topics.REPORT_RECEIVED + ".classification"})
@ExtendWith(OutputCaptureExtension.class)
class ClassificationFlowIT {

    static final String DEAD_LETTERS = Topics.deadLetter(Topics.REPORT_RECEIVED, "classification");

    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    EmbeddedKafkaBroker broker;

    Producer<String, String> producer;
    Consumer<String, String> consumer;
    final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    @BeforeEach
    void connect() {
        producer = new DefaultKafkaProducerFactory<>(KafkaTestUtils.producerProps(broker), new StringSerializer(),
                new StringSerializer()).createProducer();
        consumer = new DefaultKafkaConsumerFactory<>(KafkaTestUtils.consumerProps(broker, "test-" + System.nanoTime(), false),
                new StringDeserializer(), new StringDeserializer()).createConsumer();
        broker.consumeFromEmbeddedTopics(consumer, Topics.REPORT_CLASSIFIED, DEAD_LETTERS);
    }

    @AfterEach
    void disconnect() {
        producer.close();
        consumer.close();
    }

    @Test
    void classifiesAReceivedReportAndKeysItByCountry() {
        send("r-kz-1", received("r-kz-1", "restricted", "Activist detained in Almaty",
                "Police in Almaty detained a human rights activist after a peaceful picket in Kazakhstan."));

        ConsumerRecord<String, String> classified = firstWhere(Topics.REPORT_CLASSIFIED, "r-kz-1");
        assertThat(classified.key()).isEqualTo("KZ");
        assertThat(classified.value()).contains("\"country\":\"KZ\"", "\"urgency\":\"urgent\"",
                "\"classifierVersion\"", "\"sensitivity\":\"restricted\"");
        assertThat(new String(classified.headers().lastHeader(Topics.SENSITIVITY_HEADER).value())).isEqualTo("restricted");
    }

    @Test
    void namesThePersonInTheEventButNeverInTheLog(CapturedOutput output) {
        send("r-kz-2", received("r-kz-2", "restricted", "Blogger held in Shymkent",
                "Police in Shymkent detained blogger Sanzhar Ermekov after a picket in Kazakhstan."));

        ConsumerRecord<String, String> classified = firstWhere(Topics.REPORT_CLASSIFIED, "r-kz-2");
        assertThat(classified.value()).contains("\"entities\"", "\"kind\":\"person\"", "\"name\":\"Sanzhar Ermekov\"",
                "\"kind\":\"place\"", "\"name\":\"Shymkent\"");
        assertThat(output.getAll()).doesNotContain("Ermekov");
    }

    @Test
    void sendsPoisonToTheDeadLetterTopicAndGoesOnWithTheNextReport() {
        producer.send(new ProducerRecord<>(Topics.REPORT_RECEIVED, "poison-1", "this is not json {"));
        send("r-after-poison", received("r-after-poison", "public", "Journalist detained in Bishkek",
                "Police in Bishkek detained an independent journalist in Kyrgyzstan."));

        assertThat(firstWhere(DEAD_LETTERS, "poison-1").value()).isEqualTo("this is not json {");
        assertThat(firstWhere(Topics.REPORT_CLASSIFIED, "r-after-poison").key()).isEqualTo("KG");
    }

    @Test
    void classifiesATextOnDemandWithEvidence() {
        WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build()
                .mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_analyst")))
                .post().uri("/api/v1/classify").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "Журналиста задержали в Бишкеке",
                        "text", "В Бишкеке задержали журналиста после публикации."))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("\"country\":\"KG\"", "\"language\":\"ru\"", "\"evidence\"", "Бишкеке"));
    }

    private void send(String key, String json) {
        producer.send(new ProducerRecord<>(Topics.REPORT_RECEIVED, key, json));
        producer.flush();
    }

    /** The first record on {@code topic} whose key or value names {@code id}; records of other tests are passed over. */
    private ConsumerRecord<String, String> firstWhere(String topic, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        do {
            for (ConsumerRecord<String, String> record : seen) {
                if (record.topic().equals(topic) && (id.equals(record.key()) || record.value().contains("\"" + id + "\""))) {
                    return record;
                }
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no record for " + id + " on " + topic + " among " + seen.size());
    }

    private static String received(String id, String sensitivity, String title, String text) {
        return """
                {"eventId": "6f1c2a52-3b4e-4c1d-9a57-0d3c2f7e8a11", "occurredAt": "2026-11-20T10:00:00Z",
                 "reportId": "%s", "sensitivity": "%s",
                 "source": {"kind": "partner", "submittedBy": "partner-a"},
                 "report": {"title": "%s", "text": "%s", "persons": []}}
                """.formatted(id, sensitivity, title, text);
    }
}
