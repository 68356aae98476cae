package org.civicspace.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtGrantedAuthoritiesConverterAdapter;
import org.springframework.util.StringUtils;

/**
 * Which tokens we trust. With {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} set, any
 * OpenID Connect provider's: its keys are found through its discovery document when the first token
 * arrives (so the gateway starts while the provider is still starting) and the token's {@code iss}
 * must be that issuer. Otherwise the RS256 public key at {@code public-key-location}: on one machine,
 * the key pair {@code ./civicspace token} signs with. Either way {@code audiences}, when set, must
 * include one of the token's {@code aud}, and the roles come from {@link RolesClaim}.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    @Bean
    ReactiveJwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer) {
        OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
        String issuer = jwt.getIssuerUri();
        if (StringUtils.hasText(issuer)) {
            return new SupplierReactiveJwtDecoder(() -> {
                NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(issuer).build();
                decoder.setJwtValidator(validator(JwtValidators.createDefaultWithIssuer(issuer), jwt.getAudiences()));
                return decoder;
            });
        }
        if (jwt.getPublicKeyLocation() == null) {
            throw new IllegalStateException("Set spring.security.oauth2.resourceserver.jwt.issuer-uri (an OpenID Connect"
                    + " provider) or spring.security.oauth2.resourceserver.jwt.public-key-location (an RS256 public key)");
        }
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(publicKey(jwt)).build();
        decoder.setJwtValidator(validator(JwtValidators.createDefault(), jwt.getAudiences()));
        return decoder;
    }

    @Bean
    ReactiveJwtAuthenticationConverter jwtAuthenticationConverter(GatewayProperties gateway) {
        ReactiveJwtAuthenticationConverter converter = new ReactiveJwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(
                new ReactiveJwtGrantedAuthoritiesConverterAdapter(new RolesClaim(gateway.rolesClaim())));
        return converter;
    }

    private static OAuth2TokenValidator<Jwt> validator(OAuth2TokenValidator<Jwt> base, List<String> audiences) {
        List<String> accepted = audiences == null ? List.of() : audiences.stream().filter(StringUtils::hasText).toList();
        if (accepted.isEmpty()) {
            return base;
        }
        return new DelegatingOAuth2TokenValidator<>(base, new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.stream().anyMatch(accepted::contains)));
    }

    private static RSAPublicKey publicKey(OAuth2ResourceServerProperties.Jwt jwt) {
        try {
            String pem = jwt.readPublicKey().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the JWT public key at " + jwt.getPublicKeyLocation(), e);
        } catch (Exception e) {
            throw new IllegalStateException("The JWT public key at " + jwt.getPublicKeyLocation()
                    + " is not an RSA public key in PEM form", e);
        }
    }
}
