package org.civicspace.alert.adapter.in.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Checks the caller's JWT again behind the gateway (defence in depth): roles come from the
 * {@code roles} claim (see the configuration file); admin may do everything.
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
                        .pathMatchers("/api/v1/subscriptions", "/api/v1/subscriptions/**",
                                "/api/v1/alerts", "/api/v1/alerts/**")
                        .hasAnyRole("analyst", "advocacy", "admin")
                        .pathMatchers(HttpMethod.GET, "/api/v1/deliveries").hasAnyRole("analyst", "advocacy", "admin")
                        .pathMatchers("/api/v1/urgent-actions", "/api/v1/urgent-actions/**")
                        .hasAnyRole("advocacy", "admin")
                        .anyExchange().hasRole("admin"))
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                .build();
    }
}
