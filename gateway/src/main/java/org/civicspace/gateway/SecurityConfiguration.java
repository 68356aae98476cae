package org.civicspace.gateway;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Who may call what, per the public API table of DESIGN.md. Every service checks the token again
 * behind the gateway; this is the first of the two checks. Admin may do everything.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(api -> api
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        // the web UI's files hold no data: every page fetches /api/v1 with the user's token
                        .pathMatchers(GET, "/", "/index.html", "/app/**").permitAll()
                        .pathMatchers(POST, "/api/v1/reports", "/api/v1/reports/batch").hasAnyRole("partner", "admin")
                        .pathMatchers(GET, "/api/v1/reports", "/api/v1/reports/**")
                        .hasAnyRole("analyst", "editor", "partner", "admin")
                        .pathMatchers("/api/v1/feeds", "/api/v1/feeds/**").hasRole("admin")
                        .pathMatchers(POST, "/api/v1/classify").hasAnyRole("analyst", "admin")
                        .pathMatchers("/api/v1/subscriptions", "/api/v1/subscriptions/**")
                        .hasAnyRole("analyst", "advocacy", "admin")
                        .pathMatchers(GET, "/api/v1/alerts", "/api/v1/alerts/**").hasAnyRole("analyst", "advocacy", "admin")
                        .pathMatchers("/api/v1/urgent-actions", "/api/v1/urgent-actions/**").hasAnyRole("advocacy", "admin")
                        .pathMatchers(GET, "/api/v1/countries/**").hasAnyRole("analyst", "editor", "admin")
                        .pathMatchers(PUT, "/api/v1/countries/**").hasAnyRole("editor", "admin")
                        .pathMatchers("/api/v1/updates", "/api/v1/updates/**").hasAnyRole("editor", "admin")
                        .anyExchange().denyAll())
                .exceptionHandling(refusals -> refusals
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .oauth2ResourceServer(server -> server
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden())
                        .jwt(Customizer.withDefaults()))
                .build();
    }
}
