package org.civicspace.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;

class CorsConfigurationTest {

    @Test
    void noOriginIsAllowedUnlessConfigured() {
        assertThat(source(List.of("")).getCorsConfiguration(exchange("/api/v1/alerts"))).isNull();
    }

    @Test
    void configuredOriginsMayCallTheApiWithABearerTokenButNotWithCookies() {
        CorsConfigurationSource source = source(List.of("https://monitor.example.org", " https://ngo.example "));
        CorsConfiguration api = source.getCorsConfiguration(exchange("/api/v1/alerts"));
        assertThat(api.getAllowedOrigins()).containsExactly("https://monitor.example.org", "https://ngo.example");
        assertThat(api.checkOrigin("https://elsewhere.example")).isNull();
        assertThat(api.checkHeaders(List.of("Authorization", "Content-Type"))).isNotNull();
        assertThat(api.getAllowCredentials()).isNull();
        assertThat(source.getCorsConfiguration(exchange("/index.html"))).isNull();
    }

    private static CorsConfigurationSource source(List<String> origins) {
        URI local = URI.create("http://127.0.0.1:1");
        GatewayProperties.Bucket bucket = new GatewayProperties.Bucket(1, 1);
        return SecurityConfiguration.corsConfiguration(new GatewayProperties(local, local, local, local, "roles",
                new GatewayProperties.RateLimits(true, bucket, bucket),
                new GatewayProperties.BodyLimits(DataSize.ofKilobytes(1), DataSize.ofKilobytes(1), DataSize.ofKilobytes(1)),
                origins, "default-src 'self'", null));
    }

    private static MockServerWebExchange exchange(String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.get(path).header("Origin", "https://ngo.example"));
    }
}
