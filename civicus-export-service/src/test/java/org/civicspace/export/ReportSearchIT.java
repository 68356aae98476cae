package org.civicspace.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.civicspace.events.Topics;
import org.civicspace.export.application.ArchiveReportUseCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
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
 * Searching the archive, fed through the real (embedded) broker. Each test works in a country and
 * year of its own, so that the reports of the others do not show up in its results.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + ExportApplication.CONFIG_NAME,
                "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:test-jwt-public.pem"})
@EmbeddedKafka(topics = Topics.REPORT_CLASSIFIED)
class ReportSearchIT {

    static final MongoServer MONGO = new MongoServer(new MemoryBackend());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri",
                () -> "mongodb://" + MONGO.bindAndGetConnectionString().replace("mongodb://", "") + "/search-test");
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

    @Autowired
    ArchiveReportUseCase archiveReport;

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
    void findsInflectedRussianAndEnglishWordsByTheirBeginningAllKeywordsTogether() {
        String held = archive(report("KG", "2021-03-01T10:00:00Z").title("Активист задержан в Бишкеке")
                .text("Сотрудники милиции задержали активиста у здания суда."));
        String journalists = archive(report("KG", "2021-05-01T10:00:00Z").title("Журналистов задержали после эфира")
                .text("Полиция задержала двух журналистов."));
        String english = archive(report("KG", "2021-04-01T10:00:00Z").title("Blogger detained in Osh")
                .text("Police detained a blogger; his detention was extended."));
        archive(report("KG", "2021-06-01T10:00:00Z").title("Парламент принял закон").text("Новый закон о СМИ."));

        assertThat(ids(search("analyst", "country=KG&from=2021-01-01&to=2021-12-31&q=задерж")))
                .containsExactly(journalists, held);
        assertThat(ids(search("analyst", "country=KG&from=2021-01-01&to=2021-12-31&q=ЗАДЕРЖ+журналист")))
                .containsExactly(journalists);
        assertThat(ids(search("analyst", "country=KG&q=detain"))).containsExactly(english);
        assertThat(ids(search("analyst", "country=KG&q=deten+police"))).containsExactly(english);
        assertThat(ids(search("analyst", "country=KG&q=detained+журналист"))).isEmpty();
    }

    @Test
    void filtersPagesNewestFirstAndLinksTheNextPage() {
        String sameMoment = "2022-02-02T12:00:00Z";
        String a = archive(report("TJ", sameMoment, "r-tj-a").freedoms("association").violations("ngo_closure_or_raid"));
        String b = archive(report("TJ", sameMoment, "r-tj-b").freedoms("association").violations("foreign_agent_label"));
        String c = archive(report("TJ", "2022-03-01T00:00:00Z").freedoms("association", "expression")
                .violations("ngo_closure_or_raid").urgency("urgent"));
        String d = archive(report("TJ", "2022-01-15T00:00:00Z").freedoms("expression").violations("censorship"));
        String e = archive(report("TJ", null).freedoms("association")); // dated by when it was archived: now

        String query = "country=tj&freedom=association&from=2022-01-01&to=2022-12-31&size=2";
        search("editor", query).expectBody()
                .jsonPath("$.page").isEqualTo(1).jsonPath("$.size").isEqualTo(2).jsonPath("$.total").isEqualTo(3)
                .jsonPath("$.items[0].id").isEqualTo(c)
                .jsonPath("$.items[1].id").isEqualTo(a)
                .jsonPath("$.next").isEqualTo("/api/v1/reports?" + query + "&page=2");
        search("editor", query + "&page=2").expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(b)
                .jsonPath("$.next").doesNotExist();

        assertThat(ids(search("editor", "country=TJ&violation=ngo_closure_or_raid&urgency=urgent")))
                .containsExactly(c);
        assertThat(ids(search("editor", "country=TJ&freedom=expression&to=2022-12-31"))).containsExactly(c, d);
        assertThat(ids(search("editor", "country=TJ&freedom=association"))).startsWith(e).contains(a, b, c);
    }

    @Test
    void showsEachCallerWhatTheyMaySeeAndAuditsEverySensitiveReportOnThePage() {
        String open = archive(report("AM", "2020-05-03T00:00:00Z").sensitivity("public"));
        String staffOnly = archive(report("AM", "2020-05-02T00:00:00Z").sensitivity("restricted"));
        String secret = archive(report("AM", "2020-05-01T00:00:00Z").sensitivity("confidential"));
        String range = "country=AM&from=2020-05-01&to=2020-05-31";

        search("analyst", range).expectBody().jsonPath("$.total").isEqualTo(2);
        assertThat(ids(search("analyst", range))).containsExactly(open, staffOnly);
        assertThat(ids(search("admin", range))).containsExactly(open, staffOnly, secret);
        assertThat(ids(search("partner", "partner-a", range))).containsExactly(open, staffOnly, secret);
        assertThat(ids(search("partner", "partner-b", range))).isEmpty();

        assertThat(readers(open)).isEmpty();
        assertThat(readers(staffOnly)).containsExactlyInAnyOrder("analyst", "analyst", "admin", "partner-a");
        assertThat(readers(secret)).containsExactlyInAnyOrder("admin", "partner-a");
    }

    @Test
    void aNewClassificationMovesTheReportAndItsWords() {
        String id = "r-moved-" + UUID.randomUUID();
        archive(report("KZ", "2019-07-01T00:00:00Z", id).title("Picket dispersed").text("Zhanaozen"));
        assertThat(ids(search("analyst", "country=KZ&q=zhanaozen"))).containsExactly(id);

        archive(report("UZ", "2019-08-01T00:00:00Z", id).title("Picket dispersed").text("Nukus"));

        assertThat(ids(search("analyst", "country=KZ&q=picket"))).isEmpty();
        assertThat(ids(search("analyst", "q=zhanaozen"))).isEmpty();
        assertThat(ids(search("analyst", "country=UZ&from=2019-08-01&to=2019-08-31&q=nukus"))).containsExactly(id);
        // nothing of the old classification is left behind
        assertThat(mongo.count(Query.query(Criteria.where("_id").is("KZ|2019-07|" + id)), "search_entries").block())
                .isZero();
    }

    @Test
    void indexesAtStartWhatWasArchivedBeforeTheIndexExistedAndDropsAnIndexOfTheEarlierLayout() {
        String old = archive(report("BY", "2018-03-08T09:00:00Z").title("Марш женщин"));
        // take the report out of the index, as if archived by a version without one
        mongo.remove(Query.query(Criteria.where("_id").is(old)), "search_reports").block();
        mongo.remove(Query.query(Criteria.where("_id").regex("^BY\\|2018-03\\|")), "search_entries").block();
        mongo.save(new Document("_id", "BY|2018-03").append("entries", new Document()), "report_buckets").block();
        assertThat(ids(search("analyst", "country=BY&q=марш"))).isEmpty();

        assertThat(archiveReport.indexWhatIsMissing().block()).isEqualTo(1);

        assertThat(mongo.collectionExists("report_buckets").block()).isFalse();
        assertThat(ids(search("analyst", "country=BY&q=марш"))).containsExactly(old);
        assertThat(archiveReport.indexWhatIsMissing().block()).isZero();
    }

    @Test
    void namesEachParameterItCannotUse() {
        search("analyst", "country=XX&freedom=speech&from=2026-02-01&to=2026-01-01&size=101")
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.title").isEqualTo("Invalid request")
                .jsonPath("$.errors[*].parameter").isEqualTo(List.of("country", "freedom", "from", "size"))
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("size: must be"));
    }

    @Test
    void wantsAReadingRole() {
        client.get().uri("/api/v1/reports").exchange().expectStatus().isUnauthorized();
        search("advocacy", "q=x").expectStatus().isForbidden();
    }

    // --- helpers

    private WebTestClient.ResponseSpec search(String role, String query) {
        return search(role, role, query);
    }

    private WebTestClient.ResponseSpec search(String role, String subject, String query) {
        return client.mutateWith(mockJwt().jwt(jwt -> jwt.subject(subject))
                        .authorities(new SimpleGrantedAuthority("ROLE_" + role)))
                .get().uri("/api/v1/reports?" + query).exchange();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(WebTestClient.ResponseSpec response) {
        Map<String, Object> body = response.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) body.get("items")).stream().map(item -> (String) item.get("id")).toList();
    }

    private List<String> readers(String reportId) {
        return mongo.find(Query.query(Criteria.where("reportId").is(reportId)), Document.class, "audit_log")
                .map(entry -> entry.getString("reader")).collectList().block();
    }

    private static Classified report(String country, String occurredAt) {
        return report(country, occurredAt, "r-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24));
    }

    private static Classified report(String country, String occurredAt, String id) {
        return new Classified(id, country, occurredAt);
    }

    /** Sends the report to the topic and waits until the archive and its index have it. */
    private String archive(Classified report) {
        String json = report.json();
        try {
            topic.send(Topics.REPORT_CLASSIFIED, report.country, json).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + Topics.REPORT_CLASSIFIED, e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Document indexed = mongo.findById(report.id, Document.class, "search_reports").block();
            if (indexed != null && report.country.equals(indexed.get("entry", Document.class)
                    .getList("countries", String.class).get(0))) {
                return report.id;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("report " + report.id + " was not indexed within 20 s");
    }

    /** A ReportClassified as classification-service writes it, with what a test varies. */
    static final class Classified {
        final String id;
        final String country;
        final String occurredAt;
        String title = "A report";
        String text = "Something happened.";
        String sensitivity = "public";
        String freedoms = "\"expression\"";
        String violations = "";
        String urgency = "routine";

        Classified(String id, String country, String occurredAt) {
            this.id = id;
            this.country = country;
            this.occurredAt = occurredAt;
        }

        Classified title(String value) {
            title = value;
            return this;
        }

        Classified text(String value) {
            text = value;
            return this;
        }

        Classified sensitivity(String value) {
            sensitivity = value;
            return this;
        }

        Classified freedoms(String... values) {
            freedoms = quoted(values);
            return this;
        }

        Classified violations(String... values) {
            violations = quoted(values);
            return this;
        }

        Classified urgency(String value) {
            urgency = value;
            return this;
        }

        private static String quoted(String... values) {
            return String.join(", ", java.util.Arrays.stream(values).map(v -> '"' + v + '"').toList());
        }

        String json() {
            return """
                    {"eventId": "%s", "occurredAt": "2026-11-01T10:05:00Z", "reportId": "%s", "sensitivity": "%s",
                     "source": {"kind": "partner", "submittedBy": "partner-a", "feedId": null},
                     "report": {"title": "%s", "text": "%s", "language": "ru", "occurredAt": %s,
                                "place": null, "partnerReference": null, "sourceUrl": null, "hints": null,
                                "persons": []},
                     "duplicateOf": null,
                     "classification": {"language": "ru", "country": "%s", "otherCountries": [],
                                        "freedoms": [%s], "violationTypes": [%s], "urgency": "%s",
                                        "tags": [], "classifierVersion": "test-1"}}
                    """.formatted(UUID.randomUUID(), id, sensitivity, title, text,
                    occurredAt == null ? "null" : '"' + occurredAt + '"', country, freedoms, violations, urgency);
        }
    }
}
