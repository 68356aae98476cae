package org.civicspace.gateway;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Refusals as RFC 9457 problem details, like every other error of the API: 401 with a
 * {@code WWW-Authenticate: Bearer} challenge, 403 for a role that may not do this.
 */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static ServerAuthenticationEntryPoint unauthorized() {
        return (exchange, refused) -> {
            boolean invalid = refused instanceof InvalidBearerTokenException
                    || refused.getCause() instanceof InvalidBearerTokenException;
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    invalid ? "Bearer error=\"invalid_token\"" : "Bearer");
            return write(exchange, HttpStatus.UNAUTHORIZED, invalid
                    ? "The bearer token is not valid: it is malformed, expired or not signed by a key we trust."
                    : "This request needs a bearer token.");
        };
    }

    static ServerAccessDeniedHandler forbidden() {
        return (exchange, denied) -> write(exchange, HttpStatus.FORBIDDEN,
                "Your role may not do this; ask an administrator if you need it.");
    }

    private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\",\"instance\":\""
                + jsonEscaped(exchange.getRequest().getPath().value()) + "\"}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }

    private static String jsonEscaped(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
