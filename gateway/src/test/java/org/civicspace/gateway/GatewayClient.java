package org.civicspace.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Flux;

/** Real HTTP to the gateway on 127.0.0.1, as a client sees it. */
final class GatewayClient {

    /** What the client saw: for an event stream, its first event's data only (the stream stays open). */
    record Answer(int status, HttpHeaders headers, String body) {
    }

    final WebTestClient http;

    GatewayClient(int port) {
        http = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** Sends {@code body} as JSON when it looks like JSON, else as CSV; no token when {@code token} is null. */
    Answer send(HttpMethod method, String uri, String token, String body) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(uri);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(body.startsWith("{") || body.startsWith("[") ? MediaType.APPLICATION_JSON
                        : MediaType.parseMediaType("text/csv")).bodyValue(body);
        return answer(ready.exchange().returnResult(String.class));
    }

    static Answer answer(FluxExchangeResult<String> result) {
        MediaType type = result.getResponseHeaders().getContentType();
        boolean stream = result.getStatus().is2xxSuccessful() && type != null
                && type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM);
        Flux<String> body = stream ? result.getResponseBody().take(1) : result.getResponseBody();
        String text = body.collect(Collectors.joining()).block(Duration.ofSeconds(30));
        return new Answer(result.getStatus().value(), result.getResponseHeaders(), text == null ? "" : text);
    }

    static void expectProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().getContentType()).isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(answer.body()).contains("\"status\":" + status).contains("\"detail\":\"");
    }
}
