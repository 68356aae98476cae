package org.civicspace.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicspace.gateway.GatewayClient.expectProblem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.civicspace.gateway.GatewayClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every operation of the public API, walked with every role: no token is 401, each role that may not
 * call it is 403, each role that may (and admin) reaches the right service with the caller's token, so
 * that the service can check it again. The table is DESIGN.md's API table written out here, with the
 * additions the services' READMEs document, independently of {@link PublicApi}: a change to the
 * gateway's rules that this table does not share fails the walk.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + GatewayApplication.CONFIG_NAME)
class RouteRoleWalkIT {

    static final List<String> ROLES = List.of("partner", "analyst", "advocacy", "editor", "admin");
    static final StubServices SERVICES = new StubServices();
    static final Tokens TOKENS = new Tokens();

    /** One row of the table: a concrete request standing for an operation, where it goes and who may send it. */
    record Row(String operation, String uri, String body, String service, Set<String> roles) {

        HttpMethod method() {
            return HttpMethod.valueOf(operation.substring(0, operation.indexOf(' ')));
        }
    }

    static final List<Row> TABLE = List.of(
            // DESIGN.md: POST /reports, POST /reports/batch — partner
            row("POST /api/v1/reports", "/api/v1/reports", "{\"title\":\"t\",\"text\":\"x\"}", "ingest", "partner"),
            row("POST /api/v1/reports/batch", "/api/v1/reports/batch", "title,text\nt,x\n", "ingest", "partner"),
            // DESIGN.md: analyst; export also lets editors and partners (their own reports) read the archive
            row("GET /api/v1/reports/{id}", "/api/v1/reports/r-1", null, "export", "analyst", "editor", "partner"),
            row("GET /api/v1/reports", "/api/v1/reports?country=KZ&freedom=expression&violation=censorship"
                    + "&urgency=high&from=2026-01-01&to=2026-02-01&q=blogger", null, "export",
                    "analyst", "editor", "partner"),
            // DESIGN.md: GET/POST/DELETE /feeds, POST /feeds/{id}/poll — admin; ingest adds the batch
            row("GET /api/v1/feeds", "/api/v1/feeds", null, "ingest"),
            row("POST /api/v1/feeds", "/api/v1/feeds", "{\"url\":\"https://example.org/rss\"}", "ingest"),
            row("POST /api/v1/feeds/batch", "/api/v1/feeds/batch", "[]", "ingest"),
            row("DELETE /api/v1/feeds/{id}", "/api/v1/feeds/f-1", null, "ingest"),
            row("POST /api/v1/feeds/{id}/poll", "/api/v1/feeds/f-1/poll", null, "ingest"),
            // DESIGN.md: POST /classify — analyst
            row("POST /api/v1/classify", "/api/v1/classify", "{\"text\":\"x\"}", "classification", "analyst"),
            // DESIGN.md: GET/POST/DELETE /subscriptions — analyst, advocacy
            row("GET /api/v1/subscriptions", "/api/v1/subscriptions", null, "alert", "analyst", "advocacy"),
            row("POST /api/v1/subscriptions", "/api/v1/subscriptions", "{\"countries\":[\"KZ\"]}", "alert",
                    "analyst", "advocacy"),
            row("DELETE /api/v1/subscriptions/{id}", "/api/v1/subscriptions/s-1", null, "alert", "analyst", "advocacy"),
            // DESIGN.md: GET /alerts, GET /alerts/stream — analyst; the alert service also serves advocacy
            row("GET /api/v1/alerts", "/api/v1/alerts?country=KZ&since=2026-11-01T00:00:00Z", null, "alert",
                    "analyst", "advocacy"),
            row("GET /api/v1/alerts/stream", "/api/v1/alerts/stream?country=KZ,KG", null, "alert",
                    "analyst", "advocacy"),
            // alert service: deliveries of one's own subscriptions; retrying one is for admins
            row("GET /api/v1/deliveries", "/api/v1/deliveries?status=given_up", null, "alert", "analyst", "advocacy"),
            row("POST /api/v1/deliveries/{id}/retry", "/api/v1/deliveries/d-1/retry", null, "alert"),
            // DESIGN.md: GET /urgent-actions, POST /urgent-actions/{id}/ack — advocacy
            row("GET /api/v1/urgent-actions", "/api/v1/urgent-actions", null, "alert", "advocacy"),
            row("POST /api/v1/urgent-actions/{id}/ack", "/api/v1/urgent-actions/u-1/ack", null, "alert", "advocacy"),
            // DESIGN.md: GET/PUT /countries/{cc}/rating — analyst / editor (editors read too); export adds the page
            row("GET /api/v1/countries/{cc}/rating", "/api/v1/countries/KZ/rating", null, "export", "analyst", "editor"),
            row("PUT /api/v1/countries/{cc}/rating", "/api/v1/countries/KZ/rating",
                    "{\"rating\":\"repressed\",\"reason\":\"r\"}", "export", "editor"),
            row("GET /api/v1/countries/{cc}", "/api/v1/countries/KZ", null, "export", "analyst", "editor"),
            // DESIGN.md: updates — editor; export adds the list, the versions and the review step
            row("POST /api/v1/updates", "/api/v1/updates",
                    "{\"country\":\"KZ\",\"from\":\"2026-10-01\",\"to\":\"2026-10-31\"}", "export", "editor"),
            row("GET /api/v1/updates", "/api/v1/updates?country=KZ", null, "export", "editor"),
            row("GET /api/v1/updates/{id}", "/api/v1/updates/u-1", null, "export", "editor"),
            row("PATCH /api/v1/updates/{id}", "/api/v1/updates/u-1", "{\"headline\":\"h\"}", "export", "editor"),
            row("GET /api/v1/updates/{id}/versions", "/api/v1/updates/u-1/versions", null, "export", "editor"),
            row("GET /api/v1/updates/{id}/versions/{number}", "/api/v1/updates/u-1/versions/2", null, "export",
                    "editor"),
            row("POST /api/v1/updates/{id}/review", "/api/v1/updates/u-1/review", null, "export", "editor"),
            row("POST /api/v1/updates/{id}/publish", "/api/v1/updates/u-1/publish", null, "export", "editor"),
            row("GET /api/v1/updates/{id}/export", "/api/v1/updates/u-1/export?format=docx", null, "export", "editor"));

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TOKENS::publicKeyLocation);
        SERVICES.start(registry);
    }

    @AfterAll
    static void stopServices() {
        SERVICES.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void theTableCoversEveryOperationTheGatewayRoutes() {
        Set<String> walked = TABLE.stream().map(Row::operation).collect(Collectors.toCollection(TreeSet::new));
        Set<String> routed = PublicApi.OPERATIONS.stream().map(PublicApi.Operation::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(walked).isEqualTo(routed);
    }

    @Test
    void everyRouteRefusesNoTokenAndTheWrongRolesAndPassesTheRightOnesOnWithTheirToken() {
        List<String> walked = new ArrayList<>();
        for (Row row : TABLE) {
            expectProblem(send(row, null), 401);
            for (String role : Stream.concat(ROLES.stream(), Stream.of("no-role")).toList()) {
                String token = role.equals("no-role") ? TOKENS.of() : TOKENS.of(role);
                if (role.equals("admin") || row.roles().contains(role)) {
                    SERVICES.arrived.clear();
                    Answer answer = send(row, token);
                    assertThat(answer.status()).as("%s as %s", row.operation(), role).isEqualTo(200);
                    assertThat(SERVICES.arrived).as("%s as %s", row.operation(), role).singleElement()
                            .isEqualTo(new StubServices.Arrived(row.service(), row.method().name(), row.uri(),
                                    "Bearer " + token, row.body() == null ? "" : row.body()));
                } else {
                    expectProblem(send(row, token), 403);
                }
                walked.add(row.operation() + " as " + role);
            }
        }
        assertThat(walked).hasSize(TABLE.size() * (ROLES.size() + 1));
    }

    @Test
    void refusesTokensItCannotTrust() {
        Row alerts = TABLE.stream().filter(row -> row.operation().equals("GET /api/v1/alerts")).findFirst().orElseThrow();
        String stranger = Tokens.signed(Tokens.rsa(), Map.of("sub", "x", "roles", List.of("analyst")),
                Instant.now().plusSeconds(600));
        String expired = Tokens.signed(TOKENS.keys, Map.of("sub", "x", "roles", List.of("analyst")),
                Instant.now().minusSeconds(600));
        for (String token : List.of("not-a-token", stranger, expired)) {
            Answer answer = send(alerts, token);
            expectProblem(answer, 401);
            assertThat(answer.headers().getFirst("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        }
        assertThat(send(alerts, null).headers().getFirst("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void aPathOutsideTheApiTableIsNotFoundForAnyoneSignedInAndUnauthorizedOtherwise() {
        Row nowhere = new Row("GET /api/v1/nowhere", "/api/v1/nowhere", null, null, Set.of());
        expectProblem(send(nowhere, null), 401);
        expectProblem(send(nowhere, TOKENS.of("admin")), 404);
        Row wrongMethod = new Row("DELETE /api/v1/reports/{id}", "/api/v1/reports/r-1", null, null, Set.of());
        expectProblem(send(wrongMethod, TOKENS.of("admin")), 404);
        assertThat(SERVICES.arrived).noneMatch(arrived -> arrived.uri().contains("nowhere"));
    }

    private Answer send(Row row, String token) {
        return client().send(row.method(), row.uri(), token, row.body());
    }

    private GatewayClient client;

    private GatewayClient client() {
        if (client == null) {
            client = new GatewayClient(port);
        }
        return client;
    }

    private static Row row(String operation, String uri, String body, String service, String... roles) {
        return new Row(operation, uri, body, service, Set.of(roles));
    }
}
