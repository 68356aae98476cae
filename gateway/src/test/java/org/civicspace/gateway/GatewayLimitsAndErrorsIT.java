package org.civicspace.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicspace.gateway.GatewayClient.expectProblem;


import java.util.Map;

import org.civicspace.gateway.GatewayClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

import reactor.core.publisher.Flux;

/**
 * What a client sees at the edges: rate and size limits, services that are down or fail, the browser
 * security headers on every kind of answer, CORS, the UI's files and the alert stream. The limits are
 * set low here; the classification service is down (nothing listens on its port).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.config.name=" + GatewayApplication.CONFIG_NAME,
    "civicspace.gateway.rate-limits.per-user.capacity=20",
    "civicspace.gateway.rate-limits.per-user.per-minute=1",
    "civicspace.gateway.rate-limits.partner-submissions.capacity=2",
    "civicspace.gateway.rate-limits.partner-submissions.per-minute=1",
    "civicspace.gateway.body-limits.json=2KB",
    "civicspace.gateway.body-limits.report-batch=8KB",
    "civicspace.gateway.body-limits.feed-batch=4KB"})
class GatewayLimitsAndErrorsIT {

    static final StubServices SERVICES = new StubServices();
    static final Tokens TOKENS = new Tokens();
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none';"
                    + " base-uri 'none'; form-action 'self'",
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY");

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TOKENS::publicKeyLocation);
        SERVICES.start(registry, "classification");
    }

    @AfterAll
    static void stopServices() {
        SERVICES.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void aPartnersSubmissionsBeyondItsBurstGet429WithRetryAfterWhileItsReadsAndOtherPartnersGoOn() {
        String partner = TOKENS.ofSubject("partner-org-1", "partner");
        assertThat(send(HttpMethod.POST, "/api/v1/reports", partner, "{\"title\":\"a\"}").status()).isEqualTo(200);
        assertThat(send(HttpMethod.POST, "/api/v1/reports/batch", partner, "title,text\na,b\n").status()).isEqualTo(200);

        Answer third = send(HttpMethod.POST, "/api/v1/reports", partner, "{\"title\":\"c\"}");

        expectProblem(third, 429);
        assertThat(Long.parseLong(third.headers().getFirst("Retry-After"))).isBetween(1L, 60L);
        assertThat(send(HttpMethod.GET, "/api/v1/reports/r-1", partner, null).status()).isEqualTo(200);
        assertThat(send(HttpMethod.POST, "/api/v1/reports", TOKENS.ofSubject("partner-org-2", "partner"),
                "{\"title\":\"a\"}").status()).isEqualTo(200);
        assertThat(send(HttpMethod.GET, "/actuator/prometheus", null, null).body())
                .containsPattern("civicspace_gateway_requests_limited_total\\{[^}]*limit=\"partner_submissions\"[^}]*\\} [1-9]");
    }

    @Test
    void aCallerBeyondItsBurstGets429WithRetryAfter() {
        String analyst = TOKENS.ofSubject("busy-analyst", "analyst");
        for (int i = 0; i < 20; i++) {
            assertThat(send(HttpMethod.GET, "/api/v1/alerts", analyst, null).status()).as("request %d", i + 1)
                    .isEqualTo(200);
        }
        Answer over = send(HttpMethod.GET, "/api/v1/alerts", analyst, null);
        expectProblem(over, 429);
        assertThat(Long.parseLong(over.headers().getFirst("Retry-After"))).isBetween(1L, 60L);
        assertThat(send(HttpMethod.GET, "/api/v1/alerts", TOKENS.of("analyst"), null).status()).isEqualTo(200);
    }

    @Test
    void aJsonBodyOverItsLimitIs413AndNeverReachesTheService() {
        SERVICES.arrived.clear();
        Answer answer = send(HttpMethod.POST, "/api/v1/reports", TOKENS.of("partner"),
                "{\"text\":\"" + "x".repeat(3000) + "\"}");
        expectProblem(answer, 413);
        assertThat(answer.body()).contains("2048 bytes");
        assertThat(SERVICES.arrived).isEmpty();
    }

    @Test
    void aBatchMayBeLargerThanOneReportButNotUnbounded() {
        String rows = "title,text\n" + "a,b\n".repeat(750);
        assertThat(send(HttpMethod.POST, "/api/v1/reports/batch", TOKENS.of("partner"), rows).status()).isEqualTo(200);
        expectProblem(send(HttpMethod.POST, "/api/v1/reports/batch", TOKENS.of("partner"), rows.repeat(3)), 413);
    }

    @Test
    void aChunkedBodyWithoutALengthIsCutOffAtTheLimit() {
        FluxExchangeResult<String> result = client().http.post().uri("/api/v1/reports")
                .header("Authorization", "Bearer " + TOKENS.of("partner"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromPublisher(Flux.range(0, 30).map(i -> "x".repeat(100)), String.class))
                .exchange().returnResult(String.class);
        expectProblem(GatewayClient.answer(result), 413);
    }

    @Test
    void aServiceThatIsDownIs503WithoutItsAddress() {
        Answer answer = send(HttpMethod.POST, "/api/v1/classify", TOKENS.of("analyst"), "{\"text\":\"x\"}");
        expectProblem(answer, 503);
        assertThat(answer.headers().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.body()).doesNotContain("127.0.0.1", "refused", "Exception", "localhost");
        expectSecurityHeaders(answer);
    }

    @Test
    void aServicesErrorPageWithAStackTraceIsReplacedByAProblemDetail() {
        Answer answer = send(HttpMethod.GET, "/api/v1/reports/crash", TOKENS.of("analyst"), null);
        expectProblem(answer, 500);
        assertThat(answer.body()).doesNotContain("mongo", "Exception", "at org.", "<html", "Whitelabel");
        expectSecurityHeaders(answer);
    }

    @Test
    void aPathWithAnEncodedSlashOrDotSegmentIsRefusedWithAProblemDetailBeforeAnyServiceIsAsked() {
        for (String path : java.util.List.of("/api/v1/updates/..%2F..%2Fetc%2Fpasswd/export", "/api/v1/reports/%2e%2e/x")) {
            Answer answer = GatewayClient.answer(client().http.get()
                    .uri(java.net.URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + TOKENS.of("editor")).exchange().returnResult(String.class));
            expectProblem(answer, 400);
            expectSecurityHeaders(answer);
        }
    }

    @Test
    void aServicesOwnProblemDetailForABadRequestPassesUnchanged() {
        Answer answer = send(HttpMethod.GET, "/api/v1/reports/invalid", TOKENS.of("analyst"), null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo(StubServices.OUR_PROBLEM);
    }

    @Test
    void aServicesBareErrorBodyBecomesAProblemDetailWithItsStatus() {
        expectProblem(send(HttpMethod.GET, "/api/v1/reports/gone", TOKENS.of("analyst"), null), 404);
    }

    @Test
    void aServiceThatHangsUpMidAnswerIs502() {
        Answer answer = send(HttpMethod.GET, "/api/v1/reports/slow-close", TOKENS.of("analyst"), null);
        expectProblem(answer, 502);
        assertThat(answer.body()).doesNotContain("127.0.0.1", "Exception");
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        expectSecurityHeaders(send(HttpMethod.GET, "/api/v1/alerts", null, null));
        expectSecurityHeaders(send(HttpMethod.GET, "/api/v1/alerts", TOKENS.of("partner"), null));
        Answer proxied = send(HttpMethod.GET, "/api/v1/alerts", TOKENS.of("analyst"), null);
        assertThat(proxied.status()).isEqualTo(200);
        expectSecurityHeaders(proxied);
        assertThat(proxied.headers().getFirst("Cache-Control")).isEqualTo("no-store");
        expectSecurityHeaders(send(HttpMethod.GET, "/api/v1/nowhere", TOKENS.of("admin"), null));
        expectSecurityHeaders(send(HttpMethod.GET, "/nowhere.html", null, null));
    }

    @Test
    void theUisFilesArePublicAndCarryTheSecurityHeaders() {
        assertThat(send(HttpMethod.HEAD, "/app/probe.js", null, null).status()).isEqualTo(200);
        Answer file = send(HttpMethod.GET, "/app/probe.js", null, null);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).contains("served by the gateway");
        expectSecurityHeaders(file);
        expectProblem(send(HttpMethod.POST, "/app/probe.js", null, "{}"), 401);
    }

    @Test
    void theApiDocumentsArePublic() {
        Answer openApi = send(HttpMethod.GET, "/api/v1/docs", null, null);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.headers().getContentType().toString()).startsWith("application/yaml");
        assertThat(openApi.body()).startsWith("openapi: 3.1.0");
        expectSecurityHeaders(openApi);
        Answer asyncApi = send(HttpMethod.GET, "/api/v1/docs/asyncapi.yaml", null, null);
        assertThat(asyncApi.status()).isEqualTo(200);
        assertThat(asyncApi.body()).startsWith("asyncapi: 3.0.0").contains("civic.alert.alert-raised.v1");
        Answer schema = send(HttpMethod.GET, "/api/v1/docs/schemas/alert-raised.v1.schema.json", null, null);
        assertThat(schema.status()).isEqualTo(200);
        assertThat(schema.body()).contains("\"$schema\"");
        assertThat(send(HttpMethod.GET, "/api/v1/docs/schemas/../asyncapi.yaml", null, null).status()).isNotEqualTo(200);
    }

    @Test
    void corsIsClosedByDefault() {
        String analyst = TOKENS.of("analyst");
        FluxExchangeResult<String> simple = client().http.get().uri("/api/v1/alerts")
                .header("Authorization", "Bearer " + analyst).header("Origin", "https://elsewhere.example")
                .exchange().returnResult(String.class);
        assertThat(simple.getResponseHeaders().getAccessControlAllowOrigin()).isNull();
        FluxExchangeResult<String> preflight = client().http.options().uri("/api/v1/reports")
                .header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .exchange().returnResult(String.class);
        assertThat(preflight.getResponseHeaders().getAccessControlAllowOrigin()).isNull();
        assertThat(preflight.getResponseHeaders().getAccessControlAllowMethods()).isEmpty();
    }

    @Test
    void theAlertStreamPassesThroughEventByEventWhileTheServiceKeepsItOpen() {
        Answer stream = send(HttpMethod.GET, "/api/v1/alerts/stream?country=KZ", TOKENS.of("analyst"), null);
        assertThat(stream.headers().getContentType().isCompatibleWith(MediaType.TEXT_EVENT_STREAM)).isTrue();
        // the stand-in never ends the stream: the event can only arrive if nothing buffers it
        assertThat(stream.body()).isEqualTo("{\"country\":\"KZ\"}");
    }

    private Answer send(HttpMethod method, String uri, String token, String body) {
        return client().send(method, uri, token, body);
    }

    static void expectSecurityHeaders(Answer answer) {
        SECURITY_HEADERS.forEach((name, value) -> assertThat(answer.headers().getFirst(name)).as(name).isEqualTo(value));
        assertThat(answer.headers().getFirst("Permissions-Policy")).contains("camera=()", "geolocation=()");
    }

    private GatewayClient client;

    private GatewayClient client() {
        if (client == null) {
            client = new GatewayClient(port);
        }
        return client;
    }
}
