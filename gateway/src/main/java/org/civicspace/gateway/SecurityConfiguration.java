package org.civicspace.gateway;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;

import reactor.core.publisher.Flux;

/**
 * Who may call what: each operation of {@link PublicApi} for its roles and admin. Every service checks
 * the token again behind the gateway; this is the first of the two checks. The web UI, its sign-in,
 * the API documents and the health probes are public; any other {@code /api/**} path needs a valid token and
 * then finds nothing (404), and everything else is refused.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** What the browser UI loads before anyone signs in. */
    static final String[] PUBLIC_PAGES = {"/", "/index.html", "/favicon.ico", "/app/**", "/i18n/**", "/webjars/**",
        "/api/v1/docs", "/api/v1/docs/**"};

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, GatewayProperties gateway) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // SecurityHeadersFilter writes them on every response, errors included
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .cors(cors -> cors.configurationSource(corsConfiguration(gateway)))
                .authorizeExchange(api -> {
                    api.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll();
                    api.pathMatchers(GET, PUBLIC_PAGES).permitAll();
                    api.pathMatchers(HEAD, PUBLIC_PAGES).permitAll();
                    api.pathMatchers(GET, "/api/v1/sign-in").permitAll();
                    api.pathMatchers(POST, "/api/v1/sign-in/token").permitAll();
                    PublicApi.OPERATIONS.forEach(operation -> api.pathMatchers(operation.method(), operation.path())
                            .hasAnyRole(operation.rolesWithAdmin().toArray(String[]::new)));
                    api.pathMatchers("/api/**").authenticated();
                    api.anyExchange().denyAll();
                })
                .exceptionHandling(refusals -> refusals
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .oauth2ResourceServer(server -> server
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFrom(gateway.rolesClaim()))))
                .build();
    }

    /**
     * A request Spring Security's firewall refuses before anything else sees it (an encoded slash or
     * dot segment in the path, a character a path must not hold): a problem detail like every other
     * refusal, instead of an empty 400.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests() {
        return (exchange, rejected) -> ProblemResponses.write(exchange, HttpStatus.BAD_REQUEST,
                "This address holds characters or segments a request path may not have (such as an encoded slash"
                        + " or \"..\"); no service was asked.");
    }

    /**
     * The caller's roles, each as {@code ROLE_<role>}, from the claim at {@code path}: dotted for a
     * nested claim ({@code realm_access.roles} in Keycloak), a claim's whole name first (so
     * {@code https://civicspace.example/roles} works); a JSON array or a string of roles separated by
     * spaces or commas. A missing claim or one of another shape gives no roles. Every service reads
     * them the same way, from the same setting ({@code CIVICSPACE_JWT_ROLES_CLAIM}).
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

    /**
     * Closed unless {@code civicspace.gateway.cors-allowed-origins} lists origins: then those may call
     * the API from a browser with a bearer token (no cookies are involved, so no credentials mode).
     */
    static CorsConfigurationSource corsConfiguration(GatewayProperties gateway) {
        if (gateway.corsAllowedOrigins().isEmpty()) {
            return exchange -> null;
        }
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(gateway.corsAllowedOrigins());
        api.addAllowedMethod("*");
        api.addAllowedHeader("Authorization");
        api.addAllowedHeader("Content-Type");
        api.addAllowedHeader("Last-Event-ID");
        api.addExposedHeader("Retry-After");
        api.setMaxAge(600L);
        return exchange -> exchange.getRequest().getPath().value().startsWith("/api/") ? api : null;
    }
}
