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
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.core.io.DefaultResourceLoader;
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
 * The decoder for an OpenID Connect provider, against a stand-in for Keycloak on 127.0.0.1 that
 * serves a discovery document and its keys, and the decoder for the local key pair.
 */
class TokenConfigurationTest {

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
        assertThat(new RolesClaim("realm_access.roles").convert(jwt)).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_analyst");
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

    private static ReactiveJwtDecoder decoder(String issuer, String publicKeyLocation, List<String> audiences) {
        OAuth2ResourceServerProperties properties = new OAuth2ResourceServerProperties();
        properties.getJwt().setIssuerUri(issuer);
        if (publicKeyLocation != null) {
            properties.getJwt().setPublicKeyLocation(new DefaultResourceLoader().getResource(publicKeyLocation));
        }
        properties.getJwt().setAudiences(audiences);
        return new TokenConfiguration().jwtDecoder(properties);
    }
}
