package org.civicspace.ingest.adapter.in.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;

import reactor.core.publisher.Flux;

/**
 * Checks the caller's JWT again behind the gateway (defence in depth): roles come from the
 * claim named by {@code civicspace.security.roles-claim}; admin may do everything.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
            @Value("${civicspace.security.roles-claim:roles}") String rolesClaim) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/prometheus").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/v1/reports", "/api/v1/reports/**")
                        .hasAnyRole("partner", "admin")
                        .anyExchange().hasRole("admin"))
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFrom(rolesClaim))))
                .build();
    }

    /**
     * The caller's roles, each as {@code ROLE_<role>}, from the claim at {@code path}: dotted for a
     * nested claim ({@code realm_access.roles} in Keycloak), a claim's whole name first (so
     * {@code https://civicspace.example/roles} works); a JSON array or a string of roles separated by
     * spaces or commas. A missing claim or one of another shape gives no roles.
     */
    static ReactiveJwtAuthenticationConverter rolesFrom(String path) {
        ReactiveJwtAuthenticationConverter converter = new ReactiveJwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> Flux.fromIterable(rolesAt(jwt.getClaims(), path.strip()))
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role)));
        return converter;
    }

    private static List<String> rolesAt(Map<String, Object> claims, String path) {
        Object value = claims.get(path);
        if (value == null) {
            value = claims;
            for (String step : path.split("\\.")) {
                value = value instanceof Map<?, ?> map ? map.get(step) : null;
            }
        }
        if (value instanceof String text) {
            value = List.of(text.split("[\\s,]+"));
        }
        return value instanceof Collection<?> roles ? roles.stream().filter(String.class::isInstance)
                .map(String.class::cast).map(String::strip).filter(role -> !role.isEmpty()).distinct().toList() : List.of();
    }
}
