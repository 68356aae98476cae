package org.civicspace.alert.adapter.in.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.civicspace.alert.domain.InvalidSubscriptionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Tells a caller exactly what is wrong with a request: every invalid field or parameter with
 * its reason (as {@code errors: [{field, message}]}), or why the body could not be read.
 * Never echoes a submitted secret back.
 */
@RestControllerAdvice
class RequestProblems extends ResponseEntityExceptionHandler {

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException invalid,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, String>> errors = invalid.getFieldErrors().stream()
                .map(error -> error(error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList();
        return handleExceptionInternal(invalid, invalidRequest(status, errors), headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
            HandlerMethodValidationException invalid, HttpHeaders headers, HttpStatusCode status,
            ServerWebExchange exchange) {
        List<Map<String, String>> errors = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> error(result.getMethodParameter().getParameterName(),
                                String.valueOf(error.getDefaultMessage()))))
                .toList();
        return handleExceptionInternal(invalid, invalidRequest(status, errors), headers, status, exchange);
    }

    @ExceptionHandler
    Mono<ResponseEntity<Object>> handleInvalidSubscription(InvalidSubscriptionException invalid,
            ServerWebExchange exchange) {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        ProblemDetail problem = invalidRequest(status, List.of(error(invalid.field(), invalid.reason())));
        return handleExceptionInternal(invalid, problem, new HttpHeaders(), status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException unreadable,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem;
        JacksonException json = jsonProblemIn(unreadable);
        if (json != null) {
            // in our words: the parser's name our classes
            String field = pathOf(json);
            problem = ProblemDetail.forStatusAndDetail(status, "The body could not be read: "
                    + (json instanceof DatabindException && !field.isEmpty() ? field + " has a value of the wrong type or form"
                            : json instanceof DatabindException ? "it is not a JSON object of the expected shape"
                            : "it is not valid JSON"));
            problem.setTitle("Unreadable request");
        } else {
            problem = ProblemDetail.forStatusAndDetail(status, unreadable.getReason());
            problem.setTitle("Invalid request");
        }
        return handleExceptionInternal(unreadable, problem, headers, status, exchange);
    }

    /**
     * Every error answer is a problem detail, also where the client asked only for an event
     * stream: otherwise the problem would be written as a Server-Sent Event.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception failure, Object body,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        HttpHeaders problemHeaders = new HttpHeaders();
        if (headers != null) {
            problemHeaders.putAll(headers);
        }
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return super.handleExceptionInternal(failure, body, problemHeaders, status, exchange);
    }

    /** The outermost JSON error: it knows the path to the offending value, its causes do not. */
    private static JacksonException jsonProblemIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                return json;
            }
        }
        return null;
    }

    private static ProblemDetail invalidRequest(HttpStatusCode status, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, (errors.size() == 1
                ? "1 field is invalid: " : errors.size() + " fields are invalid: ")
                + errors.stream().map(e -> e.get("field") + " " + e.get("message")).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    /** The JSON path of the offending value, e.g. {@code freedoms[0]}; empty when unknown. */
    private static String pathOf(JacksonException json) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : json.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
