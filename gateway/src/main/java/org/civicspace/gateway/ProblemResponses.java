package org.civicspace.gateway;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Every answer the gateway writes itself is an RFC 9457 problem detail: 401 with a
 * {@code WWW-Authenticate: Bearer} challenge, 403 for a role that may not do this, and the limits and
 * failures of the other classes. The detail is always our own sentence, never an exception's message.
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

    static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
        return write(exchange.getResponse(), exchange.getRequest().getPath().value(), status, detail);
    }

    /** Writes the problem as the whole body of {@code response}, replacing any length or encoding set before. */
    static Mono<Void> write(ServerHttpResponse response, String path, HttpStatusCode status, String detail) {
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        HttpStatus known = HttpStatus.resolve(status.value());
        String title = known == null ? "Error" : known.getReasonPhrase();
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + jsonEscaped(detail) + "\",\"instance\":\"" + jsonEscaped(path) + "\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.setContentLength(bytes.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
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
