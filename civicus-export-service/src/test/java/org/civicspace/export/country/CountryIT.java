package org.civicspace.export.country;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.civicspace.events.Classification;
import org.civicspace.events.Freedom;
import org.civicspace.events.Report;
import org.civicspace.events.ReportClassified;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Source;
import org.civicspace.events.Topics;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;
import org.civicspace.export.ExportApplication;
import org.civicspace.export.application.ArchiveReportUseCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Country ratings and country pages over HTTP, on the real store, with the archive behind them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + ExportApplication.CONFIG_NAME,
                "spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:test-jwt-public.pem"})
@EmbeddedKafka(topics = Topics.REPORT_CLASSIFIED)
class CountryIT {

    static final MongoServer MONGO = new MongoServer(new MemoryBackend());

    static final String SECRET_TITLE = "Safe house of the Chisinau group";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri",
                () -> "mongodb://" + MONGO.bindAndGetConnectionString().replace("mongodb://", "") + "/country-test");
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    @AfterAll
    static void stopMongo() {
        MONGO.shutdownNow();
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    ArchiveReportUseCase archive;

    @Autowired
    ApplicationRunner seedCountryRatings;

    WebTestClient client;

    @BeforeEach
    void setUp() {
        client = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient().build();
    }

    @Test
    void startsWithTheSeededRatingsOfTheRegion() {
        as("analyst", "analyst-1").get().uri("/api/v1/countries/kg/rating").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.country").isEqualTo("KG")
                .jsonPath("$.rating").isEqualTo("repressed")
                .jsonPath("$.since").isEqualTo(2023)
                .jsonPath("$.note").isEqualTo("moved from obstructed")
                .jsonPath("$.history.length()").isEqualTo(1)
                .jsonPath("$.history[0].to").isEqualTo("repressed")
                .jsonPath("$.history[0].by").isEqualTo("seed");
        as("editor", "editor-1").get().uri("/api/v1/countries/TJ/rating").exchange()
                .expectBody().jsonPath("$.rating").isEqualTo("closed");
    }

    @Test
    void anEditorsChangeGoesIntoTheHistoryAndSurvivesSeedingAgain() throws Exception {
        rate("editor", "editor-7", "UA", "{\"rating\": \"repressed\", \"reason\": \"Bloggers jailed in a row\"}")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.rating").isEqualTo("repressed")
                .jsonPath("$.since").isEqualTo(Instant.now().atOffset(ZoneOffset.UTC).getYear())
                .jsonPath("$.history.length()").isEqualTo(2)
                .jsonPath("$.history[1].from").isEqualTo("obstructed")
                .jsonPath("$.history[1].to").isEqualTo("repressed")
                .jsonPath("$.history[1].by").isEqualTo("editor-7")
                .jsonPath("$.history[1].reason").isEqualTo("Bloggers jailed in a row")
                .jsonPath("$.history[1].at").isNotEmpty();

        seedCountryRatings.run(new DefaultApplicationArguments());

        as("analyst", "analyst-1").get().uri("/api/v1/countries/UA/rating").exchange().expectBody()
                .jsonPath("$.rating").isEqualTo("repressed").jsonPath("$.history.length()").isEqualTo(2);
    }

    @Test
    void aCountryWithoutARatingGetsItsFirstFromAnEditor() {
        as("analyst", "analyst-1").get().uri("/api/v1/countries/EE/rating").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.title").isEqualTo("No rating yet");

        rate("admin", "admin-1", "EE", "{\"rating\": \"open\", \"reason\": \"first rating\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.history[0].from").doesNotExist().jsonPath("$.history[0].to").isEqualTo("open");
    }

    @Test
    void refusesUnknownCountriesAndRatingsNamingWhatIsWrong() {
        as("analyst", "analyst-1").get().uri("/api/v1/countries/XX/rating").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Unknown country");
        rate("editor", "editor-1", "XX", "{\"rating\": \"open\", \"reason\": \"x\"}").expectStatus().isNotFound();
        as("analyst", "analyst-1").get().uri("/api/v1/countries/XX").exchange().expectStatus().isNotFound();

        rate("editor", "editor-1", "KZ", "{\"rating\": \"awful\"}").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].parameter").isEqualTo(List.of("rating", "reason"));
        rate("editor", "editor-1", "KZ", "{not json").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        as("analyst", "analyst-1").get().uri("/api/v1/countries/KZ/rating").exchange().expectBody()
                .jsonPath("$.rating").isEqualTo("repressed");
    }

    @Test
    void onlyEditorsAndAdminsChangeRatingsAndPartnersSeeNoCountries() {
        rate("analyst", "analyst-1", "KZ", "{\"rating\": \"open\", \"reason\": \"x\"}").expectStatus().isForbidden();
        as("partner", "partner-a").get().uri("/api/v1/countries/KZ").exchange().expectStatus().isForbidden();
        client.get().uri("/api/v1/countries/KZ/rating").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theCountryPageCountsReportsPerFreedomAndExplainsTheWatchlistSignalWithoutShowingAnyReport() {
        Instant now = Instant.now();
        String killing = archive("MD", now.minus(Duration.ofMinutes(3)), Sensitivity.CONFIDENTIAL, null,
                Set.of(Freedom.PEACEFUL_ASSEMBLY), Set.of(ViolationType.KILLING));
        archive("MD", now.minus(Duration.ofMinutes(2)), Sensitivity.PUBLIC, killing, Set.of(Freedom.PEACEFUL_ASSEMBLY),
                Set.of(ViolationType.KILLING));
        archive("MD", now.minus(Duration.ofMinutes(1)), Sensitivity.RESTRICTED, null,
                Set.of(Freedom.EXPRESSION, Freedom.ASSOCIATION), Set.of(ViolationType.CENSORSHIP));
        archive("MD", now.minus(Duration.ofDays(400)), Sensitivity.PUBLIC, null, Set.of(Freedom.EXPRESSION),
                Set.of(ViolationType.KILLING));

        String thisMonth = YearMonth.from(now.atOffset(ZoneOffset.UTC)).toString();
        String page = as("analyst", "analyst-1").get().uri("/api/v1/countries/md").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).doesNotContain(SECRET_TITLE, "r-");
        WebTestClient.BodyContentSpec body = as("analyst", "analyst-1").get().uri("/api/v1/countries/MD").exchange()
                .expectBody()
                .jsonPath("$.country").isEqualTo("MD")
                .jsonPath("$.rating.rating").isEqualTo("narrowed")
                .jsonPath("$.months.length()").isEqualTo(12)
                .jsonPath("$.months[11].month").isEqualTo(thisMonth)
                .jsonPath("$.watchlist.candidate").isEqualTo(true)
                .jsonPath("$.watchlist.reasons[0]").value(reason -> assertThat((String) reason)
                        .startsWith("killings: 1 report in the last 90 days (threshold 1)").endsWith("rated narrowed."));
        if (YearMonth.from(now.minus(Duration.ofMinutes(3)).atOffset(ZoneOffset.UTC)).toString().equals(thisMonth)) {
            body.jsonPath("$.months[11].reports").isEqualTo(2)
                    .jsonPath("$.months[11].byFreedom").isEqualTo(
                            Map.of("association", 1, "peaceful_assembly", 1, "expression", 1));
        }
        as("analyst", "analyst-1").get().uri("/api/v1/countries/EE").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.rating").doesNotExist()
                .jsonPath("$.watchlist.candidate").isEqualTo(false);
    }

    private String archive(String country, Instant occurredAt, Sensitivity sensitivity, String duplicateOf,
            Set<Freedom> freedoms, Set<ViolationType> violations) {
        String id = "r-" + UUID.randomUUID();
        Report report = new Report(SECRET_TITLE, "Details that must stay inside.", "en", occurredAt, null, null, null,
                null, null);
        Classification classification = new Classification("en", country, List.of(), freedoms, violations,
                Urgency.URGENT, List.of(), "test-1");
        archive.archive(new ReportClassified(UUID.randomUUID(), occurredAt, id, sensitivity, Source.partner("partner-a"),
                report, duplicateOf, classification)).block(Duration.ofSeconds(10));
        return id;
    }

    private WebTestClient.ResponseSpec rate(String role, String subject, String country, String json) {
        return as(role, subject).put().uri("/api/v1/countries/{cc}/rating", country)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private WebTestClient as(String role, String subject) {
        return client.mutateWith(mockJwt().jwt(jwt -> jwt.subject(subject))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role)));
    }
}
