package org.civicspace.gateway;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * The browser security headers, on every response: the UI's files, the API, the proxied answers of the
 * services (whose own values are overwritten) and every error, since the headers are set just before
 * the response is committed, whoever writes it. API answers are not cached unless a service says how.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    private final String contentSecurityPolicy;

    SecurityHeadersFilter(GatewayProperties gateway) {
        this.contentSecurityPolicy = gateway.contentSecurityPolicy();
    }

    @Override
    public int getOrder() {
        // before Spring Security, so that its refusals get the headers too
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", contentSecurityPolicy);
            // browsers ignore it over plain HTTP; behind TLS it keeps them on HTTPS for a year
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Permissions-Policy",
                    "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Cross-Origin-Opener-Policy", "same-origin");
            if (exchange.getRequest().getPath().value().startsWith("/api/")
                    && !headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
