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
import tools.jackson.databind.DatabindException;

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
        JacksonException json = jsonProblemIn(unreadable);
        ProblemDetail problem;
        if (json instanceof DatabindException && !json.getPath().isEmpty()) {
            // a value of the wrong form in a readable document: name the field, as validation does
            Map<String, String> error = Map.of("field", pathOf(json), "message", expectation(json));
            problem = ProblemDetail.forStatusAndDetail(status, "1 field is invalid: " + describe(error));
            problem.setTitle("Invalid report");
            problem.setProperty("errors", List.of(error));
        } else {
            problem = ProblemDetail.forStatusAndDetail(status, "The body could not be read: " + readingProblem(json));
            problem.setTitle("Unreadable request");
        }
        return handleExceptionInternal(unreadable, problem, headers, status, exchange);
    }

    /** Why a body could not be read, in our words: never the parser's, which name our classes. */
    private static String readingProblem(JacksonException json) {
        if (json instanceof DatabindException) {
            return "it is not a JSON object of the expected shape";
        }
        if (json != null && json.getLocation() != null && json.getLocation().getLineNr() > 0) {
            return "it is not valid JSON (line " + json.getLocation().getLineNr() + ", column "
                    + json.getLocation().getColumnNr() + ")";
        }
        return "it is not valid JSON";
    }

    /** The outermost JSON problem among the causes: the one that knows the path to the field. */
    private static JacksonException jsonProblemIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException json) {
                return json;
            }
        }
        return null;
    }

    /** {@code persons[0].role}, from the path Jackson kept. */
    private static String pathOf(JacksonException json) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference step : json.getPath()) {
            if (step.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What the field takes, without repeating what was sent (which may be long, or markup). */
    private static String expectation(JacksonException json) {
        Throwable root = json;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage();
        int allowed = message.indexOf("is not one of: ");
        return allowed >= 0 ? "must be one of: " + message.substring(allowed + "is not one of: ".length())
                : "has a value of the wrong type or form";
    }

    private static String describe(Map<String, String> error) {
        return error.get("field") + " " + error.get("message");
    }
}
