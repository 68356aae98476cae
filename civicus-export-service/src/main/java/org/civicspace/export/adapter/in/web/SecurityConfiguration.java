package org.civicspace.export.adapter.in.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Checks the caller's JWT again behind the gateway (defence in depth): roles come from the
 * {@code roles} claim (see the configuration file); admin may do everything. Which report a role may read is decided per
 * report, in the domain ({@code Caller.maySee}), not here.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/prometheus").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/v1/reports/**")
                        .hasAnyRole("analyst", "editor", "partner", "admin")
                        .pathMatchers(HttpMethod.GET, "/api/v1/countries/**").hasAnyRole("analyst", "editor", "admin")
                        .pathMatchers(HttpMethod.PUT, "/api/v1/countries/*/rating").hasAnyRole("editor", "admin")
                        .pathMatchers("/api/v1/updates", "/api/v1/updates/**").hasAnyRole("editor", "admin")
                        .anyExchange().hasRole("admin"))
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                .build();
    }
}
