package org.civicspace.ingest.adapter.in.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Tells a partner exactly what is wrong with a request: every invalid field with its reason, or
 * why the body could not be read. Never echoes the submitted text back.
 */
@RestControllerAdvice
class RequestProblems extends ResponseEntityExceptionHandler {

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException invalid,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, String>> errors = invalid.getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, errors.size() == 1
                ? "1 field is invalid: " + describe(errors.get(0))
                : errors.size() + " fields are invalid: "
                        + String.join("; ", errors.stream().map(RequestProblems::describe).toList()));
        problem.setTitle("Invalid report");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(invalid, problem, headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException unreadable,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        String reason = unreadable.getMostSpecificCause() instanceof JacksonException json
                ? json.getOriginalMessage()
                : unreadable.getReason();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "The body could not be read: " + reason);
        problem.setTitle("Unreadable request");
        return handleExceptionInternal(unreadable, problem, headers, status, exchange);
    }

    private static String describe(Map<String, String> error) {
        return error.get("field") + " " + error.get("message");
    }
}
