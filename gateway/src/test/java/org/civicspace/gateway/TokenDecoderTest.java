package org.civicspace.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Which tokens the gateway trusts, from the settings every service shares ({@code issuer-uri},
 * {@code public-key-location}, {@code audiences}, {@code jwk-set-uri}): the decoder Spring Boot builds
 * from them, against a stand-in for Keycloak on 127.0.0.1 that serves a discovery document and its
 * keys, and against the local key pair. Both settings present, as in {@code gateway.yml}: the issuer wins.
 */
class TokenDecoderTest {

    final Tokens tokens = new Tokens();
    final AtomicInteger discoveries = new AtomicInteger();
    DisposableServer provider;

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.disposeNow();
        }
    }

    @Test
    void trustsAnOpenIdConnectProvidersTokensAndReadsKeycloakRolesFromTheConfiguredClaim() {
        String issuer = startKeycloakStandIn();
        ReactiveJwtDecoder decoder = decoder(issuer, null, List.of());
        String token = Tokens.signed(tokens.keys, Map.of("iss", issuer, "sub", "f3b1c2d4",
                "realm_access", Map.of("roles", List.of("analyst"))), Instant.now().plusSeconds(300));

        Jwt jwt = decoder.decode(token).block();

        assertThat(jwt.getSubject()).isEqualTo("f3b1c2d4");
        assertThat(SecurityConfiguration.rolesFrom("realm_access.roles").convert(jwt).block().getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_analyst");
    }

    @Test
    void looksTheProviderUpOnlyWhenTheFirstTokenArrives() {
        String issuer = startKeycloakStandIn();
        ReactiveJwtDecoder decoder = decoder(issuer, null, List.of());
        assertThat(discoveries).hasValue(0);
        decoder.decode(Tokens.signed(tokens.keys, Map.of("iss", issuer, "sub", "a"), Instant.now().plusSeconds(300)))
                .block();
        assertThat(discoveries).hasValue(1);
    }

    @Test
    void refusesATokenFromAnotherIssuerEvenWithTheRightKey() {
        String issuer = startKeycloakStandIn();
        ReactiveJwtDecoder decoder = decoder(issuer, null, List.of());
        String elsewhere = Tokens.signed(tokens.keys, Map.of("iss", "http://127.0.0.1:1/realms/other", "sub", "a"),
                Instant.now().plusSeconds(300));
        assertThatThrownBy(() -> decoder.decode(elsewhere).block()).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void withAudiencesConfiguredATokenMustBeMeantForUs() {
        String issuer = startKeycloakStandIn();
        ReactiveJwtDecoder decoder = decoder(issuer, null, List.of("civicspace-gateway"));
        String forUs = Tokens.signed(tokens.keys, Map.of("iss", issuer, "sub", "a", "aud", List.of("civicspace-gateway")),
                Instant.now().plusSeconds(300));
        String forOthers = Tokens.signed(tokens.keys, Map.of("iss", issuer, "sub", "a", "aud", List.of("account")),
                Instant.now().plusSeconds(300));
        assertThat(decoder.decode(forUs).block().getSubject()).isEqualTo("a");
        assertThatThrownBy(() -> decoder.decode(forOthers).block()).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void withoutAnIssuerTrustsTheLocalPublicKey() {
        ReactiveJwtDecoder decoder = decoder(null, tokens.publicKeyLocation(), List.of());
        assertThat(decoder.decode(tokens.ofSubject("demo-analyst", "analyst")).block().getSubject())
                .isEqualTo("demo-analyst");
        String stranger = Tokens.signed(Tokens.rsa(), Map.of("sub", "x"), Instant.now().plusSeconds(300));
        assertThatThrownBy(() -> decoder.decode(stranger).block()).hasRootCauseMessage("Signed JWT rejected: Invalid signature");
    }

    @Test
    void withAKeySetAddressTheKeysComeFromThereWhileTheIssuerIsStillChecked() {
        // compose and k8s: the keys are fetched inside the network, the issuer is the address people use
        String inside = startKeycloakStandIn();
        String outside = "https://id.civicspace.example/realms/civicspace";
        ReactiveJwtDecoder[] decoder = new ReactiveJwtDecoder[1];
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ReactiveWebSecurityAutoConfiguration.class,
                        ReactiveOAuth2ResourceServerAutoConfiguration.class))
                .withPropertyValues("spring.security.oauth2.resourceserver.jwt.public-key-location=" + tokens.publicKeyLocation(),
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + outside,
                        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + inside + "/protocol/openid-connect/certs")
                .run(context -> decoder[0] = context.getBean(ReactiveJwtDecoder.class));

        String token = Tokens.signed(tokens.keys, Map.of("iss", outside, "sub", "a"), Instant.now().plusSeconds(300));
        assertThat(decoder[0].decode(token).block().getSubject()).isEqualTo("a");
        assertThat(discoveries).hasValue(0);
        String fromInside = Tokens.signed(tokens.keys, Map.of("iss", inside, "sub", "a"), Instant.now().plusSeconds(300));
        assertThatThrownBy(() -> decoder[0].decode(fromInside).block()).isInstanceOf(JwtValidationException.class);
    }

    private String startKeycloakStandIn() {
        String jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) tokens.keys.getPublic()).keyID("k1").build())
                .toString();
        String[] issuer = new String[1];
        provider = HttpServer.create().host("127.0.0.1").port(0).route(routes -> routes
                .get("/realms/civicspace/.well-known/openid-configuration", (request, response) -> {
                    discoveries.incrementAndGet();
                    return response.header("Content-Type", "application/json").sendString(Mono.just(
                            "{\"issuer\":\"" + issuer[0] + "\",\"jwks_uri\":\"" + issuer[0]
                                    + "/protocol/openid-connect/certs\"}"));
                })
                .get("/realms/civicspace/protocol/openid-connect/certs", (request, response) -> response
                        .header("Content-Type", "application/json").sendString(Mono.just(jwks))))
                .bindNow();
        issuer[0] = "http://127.0.0.1:" + provider.port() + "/realms/civicspace";
        return issuer[0];
    }

    /** The decoder of a context with our settings: the local key always configured, as gateway.yml does. */
    private ReactiveJwtDecoder decoder(String issuer, String publicKeyLocation, List<String> audiences) {
        ReactiveJwtDecoder[] decoder = new ReactiveJwtDecoder[1];
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ReactiveWebSecurityAutoConfiguration.class,
                        ReactiveOAuth2ResourceServerAutoConfiguration.class))
                .withPropertyValues(
                        "spring.security.oauth2.resourceserver.jwt.public-key-location="
                                + (publicKeyLocation == null ? tokens.publicKeyLocation() : publicKeyLocation),
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + (issuer == null ? "" : issuer),
                        "spring.security.oauth2.resourceserver.jwt.audiences=" + String.join(",", audiences))
                .run(context -> decoder[0] = context.getBean(ReactiveJwtDecoder.class));
        return decoder[0];
    }
}
