package org.civicspace.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The gateway with real RS256 tokens, in front of four stand-in services on loopback that answer
 * with their own name, so the test sees where each request was routed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + GatewayApplication.CONFIG_NAME)
class GatewayRoutingIT {

    static final KeyPair KEYS = rsa();
    static final KeyPair STRANGER = rsa();
    static final Map<String, String> AUTHORIZATION_SEEN = new ConcurrentHashMap<>();
    static final Map<String, DisposableServer> SERVICES = new ConcurrentHashMap<>();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) throws IOException {
        Path publicKey = Files.createTempFile("gateway-it", ".pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + publicKey);
        for (String service : List.of("ingest", "classification", "alert", "export")) {
            DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                    .handle((request, response) -> {
                        AUTHORIZATION_SEEN.put(service, String.valueOf(request.requestHeaders().get("Authorization")));
                        return response.sendString(Mono.just(service + " " + request.method() + " " + request.uri()));
                    })
                    .bindNow();
            SERVICES.put(service, server);
            registry.add("civicspace.gateway." + service + "-uri", () -> "http://127.0.0.1:" + server.port());
        }
    }

    @AfterAll
    static void stopServices() {
        SERVICES.values().forEach(DisposableServer::disposeNow);
    }

    @LocalServerPort
    int port;

    @Test
    void refusesRequestsWithoutAValidToken() {
        client().get().uri("/api/v1/alerts?country=KZ").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.detail").isNotEmpty();
        client().get().uri("/api/v1/alerts?country=KZ").header("Authorization", "Bearer not-a-token")
                .exchange().expectStatus().isUnauthorized();
        client().get().uri("/api/v1/alerts?country=KZ")
                .header("Authorization", "Bearer " + token(STRANGER, "analyst", Instant.now().plusSeconds(600)))
                .exchange().expectStatus().isUnauthorized();
        client().get().uri("/api/v1/alerts?country=KZ")
                .header("Authorization", "Bearer " + token(KEYS, "analyst", Instant.now().minusSeconds(600)))
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    @Test
    void refusesTheWrongRole() {
        as("analyst").post().uri("/api/v1/reports").bodyValue("{}").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
        as("partner").get().uri("/api/v1/alerts/stream?country=KZ").exchange().expectStatus().isForbidden();
        as("analyst").get().uri("/api/v1/feeds").exchange().expectStatus().isForbidden();
        as("partner").get().uri("/api/v1/nowhere").exchange().expectStatus().isForbidden();
    }

    @Test
    void routesEachPathToItsServiceWithTheCallersToken() {
        expectRouted(as("partner").post().uri("/api/v1/reports").bodyValue("{}"), "ingest POST /api/v1/reports");
        expectRouted(as("analyst").get().uri("/api/v1/reports/r-1"), "export GET /api/v1/reports/r-1");
        expectRouted(as("analyst").post().uri("/api/v1/classify").bodyValue("{}"), "classification POST /api/v1/classify");
        expectRouted(as("analyst").get().uri("/api/v1/alerts/stream?country=KZ"),
                "alert GET /api/v1/alerts/stream?country=KZ");
        expectRouted(as("admin").get().uri("/api/v1/feeds"), "ingest GET /api/v1/feeds");
        assertThat(AUTHORIZATION_SEEN.get("alert")).startsWith("Bearer ey");
    }

    private void expectRouted(WebTestClient.RequestHeadersSpec<?> request, String answer) {
        request.exchange().expectStatus().isOk().expectBody(String.class).isEqualTo(answer);
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    private WebTestClient as(String role) {
        return client().mutate()
                .defaultHeader("Authorization", "Bearer " + token(KEYS, role, Instant.now().plusSeconds(600)))
                .build();
    }

    private static String token(KeyPair keys, String role, Instant expires) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                    .subject("someone-" + role).claim("roles", List.of(role))
                    .issueTime(Date.from(expires.minusSeconds(3600))).expirationTime(Date.from(expires)).build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
