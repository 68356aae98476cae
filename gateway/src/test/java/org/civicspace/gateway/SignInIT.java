package org.civicspace.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicspace.gateway.GatewayClient.expectProblem;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The web UI's sign-in at an OpenID Connect provider, against a stand-in for Keycloak on 127.0.0.1
 * that serves its discovery document and a token endpoint which records what reached it: no token
 * is needed, the UI learns where to send people, and its code exchange reaches the provider with our
 * client id and nothing the browser made up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.config.name=" + GatewayApplication.CONFIG_NAME,
    "civicspace.gateway.roles-claim=realm_access.roles",
    "civicspace.gateway.sign-in.client-id=civicspace-web"})
class SignInIT {

    static final StubServices SERVICES = new StubServices();
    static final List<String> TOKEN_REQUESTS = new CopyOnWriteArrayList<>();
    static DisposableServer provider;
    static String issuer;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        provider = HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes
                .get("/realms/civicspace/.well-known/openid-configuration", (request, response) -> response
                        .header("Content-Type", "application/json").sendString(Mono.fromSupplier(() -> "{\"issuer\":\""
                                + issuer + "\",\"authorization_endpoint\":\"" + issuer + "/protocol/openid-connect/auth\","
                                + "\"token_endpoint\":\"" + issuer + "/protocol/openid-connect/token\","
                                + "\"end_session_endpoint\":\"" + issuer + "/protocol/openid-connect/logout\","
                                + "\"jwks_uri\":\"" + issuer + "/protocol/openid-connect/certs\"}")))
                .post("/realms/civicspace/protocol/openid-connect/token", (request, response) -> request.receive()
                        .aggregate().asString().flatMap(form -> {
                            TOKEN_REQUESTS.add(form);
                            boolean good = form.contains("code=good-code");
                            return response.status(good ? 200 : 400).header("Content-Type", "application/json")
                                    .sendString(Mono.just(good
                                            ? "{\"access_token\":\"a.b.c\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                                                    + "\"refresh_token\":\"r\",\"id_token\":\"i.d.t\",\"session_state\":\"s\"}"
                                            : "{\"error\":\"invalid_grant\"}"))
                                    .then();
                        })))
                .bindNow();
        issuer = "http://127.0.0.1:" + provider.port() + "/realms/civicspace";
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
        SERVICES.start(registry);
    }

    @AfterAll
    static void stop() {
        SERVICES.stop();
        provider.disposeNow();
    }

    @LocalServerPort
    int port;

    WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .build();
        TOKEN_REQUESTS.clear();
    }

    @Test
    void tellsTheUiWithoutATokenWhereToSendPeopleAndWhereTheirRolesAre() {
        http.get().uri("/api/v1/sign-in").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody()
                .jsonPath("$.rolesClaim").isEqualTo("realm_access.roles")
                .jsonPath("$.provider.clientId").isEqualTo("civicspace-web")
                .jsonPath("$.provider.scope").isEqualTo("openid")
                .jsonPath("$.provider.issuer").isEqualTo(issuer)
                .jsonPath("$.provider.authorizationEndpoint").isEqualTo(issuer + "/protocol/openid-connect/auth")
                .jsonPath("$.provider.endSessionEndpoint").isEqualTo(issuer + "/protocol/openid-connect/logout")
                .jsonPath("$.provider.tokenEndpoint").doesNotExist();
    }

    @Test
    void passesTheCodeExchangeToTheProviderWithOurClientIdAndOnlyTheTokensBack() {
        http.post().uri("/api/v1/sign-in/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "authorization_code").with("code", "good-code")
                        .with("code_verifier", "v".repeat(43)).with("redirect_uri", "http://127.0.0.1:" + port + "/")
                        .with("client_id", "someone-else").with("client_secret", "made-up"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.access_token").isEqualTo("a.b.c")
                .jsonPath("$.refresh_token").isEqualTo("r")
                .jsonPath("$.id_token").isEqualTo("i.d.t")
                .jsonPath("$.session_state").doesNotExist();

        assertThat(TOKEN_REQUESTS).singleElement().satisfies(form -> assertThat(form)
                .contains("grant_type=authorization_code", "client_id=civicspace-web", "code=good-code",
                        "code_verifier=" + "v".repeat(43))
                .doesNotContain("someone-else", "client_secret"));
    }

    @Test
    void aRefusedOrIncompleteExchangeIsAProblemOfOurOwnWords() {
        var refused = http.post().uri("/api/v1/sign-in/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "refresh_token").with("refresh_token", "old"))
                .exchange().returnResult(String.class);
        GatewayClient.Answer answer = GatewayClient.answer(refused);
        expectProblem(answer, 400);
        assertThat(answer.body()).doesNotContain("invalid_grant", "127.0.0.1:" + provider.port());

        var incomplete = http.post().uri("/api/v1/sign-in/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "authorization_code").with("code", "good-code"))
                .exchange().returnResult(String.class);
        expectProblem(GatewayClient.answer(incomplete), 400);
        var password = http.post().uri("/api/v1/sign-in/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "password").with("username", "a").with("password", "b"))
                .exchange().returnResult(String.class);
        expectProblem(GatewayClient.answer(password), 400);
        assertThat(TOKEN_REQUESTS).hasSize(1);
    }
}
