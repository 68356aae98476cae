package org.civicspace.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Every failure as a problem detail in our own words. An exception's message, class or stack trace
 * never reaches the client: they name hosts and ports ({@code Connection refused: /10.0.3.7:8084}) and
 * internals. A service that cannot be reached is {@code 503} with {@code Retry-After}, one that takes
 * too long {@code 504}, one that breaks off its answer {@code 502}; what we did not foresee is
 * {@code 500}, logged here with its stack trace.
 */
@Component
@Order(-2) // before Boot's default handler (-1)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        String where = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
        if (failure instanceof BodyLimitFilter.BodyTooLarge tooLarge) {
            return ProblemResponses.write(exchange, tooLarge.getStatusCode(), tooLarge.getReason());
        }
        if (failure instanceof ResponseStatusException refused) {
            HttpStatusCode status = refused.getStatusCode();
            if (status.is5xxServerError()) {
                log.warn("{} failed with {}: {}", where, status.value(), failure.toString());
            }
            return ProblemResponses.write(exchange, status, detail(status));
        }
        if (unreachable(failure)) {
            log.warn("{}: the service behind it is not reachable ({})", where, failure.toString());
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
            return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                    "The service that answers this request is not reachable just now; try again in a few seconds.");
        }
        if (failure instanceof TimeoutException) {
            log.warn("{}: the service behind it took too long ({})", where, failure.toString());
            return ProblemResponses.write(exchange, HttpStatus.GATEWAY_TIMEOUT, detail(HttpStatus.GATEWAY_TIMEOUT));
        }
        if (failure instanceof IOException) {
            log.warn("{}: the service behind it broke off ({})", where, failure.toString());
            return ProblemResponses.write(exchange, HttpStatus.BAD_GATEWAY, detail(HttpStatus.BAD_GATEWAY));
        }
        log.error("{} failed", where, failure);
        return ProblemResponses.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, detail(HttpStatus.INTERNAL_SERVER_ERROR));
    }

    private static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    /** Our sentence for a status: the same for every cause, so nothing internal slips through. */
    static String detail(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "The request is not well-formed.";
            case 401 -> "This request needs a valid bearer token.";
            case 403 -> "Your role may not do this; ask an administrator if you need it.";
            case 409 -> "The request conflicts with the current state; reload and try again.";
            case 412 -> "This changed since you loaded it; reload and try again.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not take this method.";
            case 406 -> "We cannot answer in any of the media types the request accepts.";
            case 413 -> "The request body is too large.";
            case 415 -> "This operation does not take a body of this media type.";
            case 502 -> "The service that answers this request failed to give a proper answer.";
            case 503 -> "The service that answers this request is not available just now; try again shortly.";
            case 504 -> "The service that answers this request took too long.";
            default -> status.is5xxServerError()
                    ? "Something went wrong on our side. It has been logged; please try again later."
                    : "The request could not be handled.";
        };
    }
}
