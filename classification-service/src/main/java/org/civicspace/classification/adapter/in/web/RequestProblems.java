package org.civicspace.classification.adapter.in.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * A body that cannot be read as {@code {title, text, language}} is told so in our own words (the
 * parser's name our classes), naming the field where one is at fault; never echoing what was sent.
 */
@RestControllerAdvice
class RequestProblems extends ResponseEntityExceptionHandler {

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException unreadable,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        JacksonException json = null;
        for (Throwable cause = unreadable; cause != null && json == null; cause = cause.getCause()) {
            json = cause instanceof JacksonException found ? found : null;
        }
        String field = json == null ? "" : String.join(".", json.getPath().stream()
                .map(step -> step.getPropertyName() != null ? step.getPropertyName() : "[" + step.getIndex() + "]")
                .toList());
        String reason = !(json instanceof DatabindException) ? "it is not valid JSON"
                : field.isEmpty() ? "it is not a JSON object {title, text, language}"
                : field + " has a value of the wrong type (title, text and language are strings)";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "The body could not be read: " + reason);
        problem.setTitle("Unreadable request");
        return handleExceptionInternal(unreadable, problem, headers, status, exchange);
    }
}
