package org.civicspace.export.adapter.in.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.civicspace.export.domain.InvalidParametersException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** Names every parameter or field a request got wrong, and why: {@code errors: [{parameter, message}]}. */
@RestControllerAdvice
class RequestProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    Mono<ResponseEntity<Object>> handleInvalidParameters(InvalidParametersException invalid,
            ServerWebExchange exchange) {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, invalid.problems().stream()
                .map(p -> p.parameter() + ": " + p.message()).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        List<Map<String, String>> errors = invalid.problems().stream()
                .map(p -> Map.of("parameter", p.parameter(), "message", p.message())).toList();
        problem.setProperty("errors", errors);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return handleExceptionInternal(invalid, problem, headers, status, exchange);
    }
}
