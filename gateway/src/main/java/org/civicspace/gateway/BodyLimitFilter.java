package org.civicspace.gateway;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The largest request body per operation ({@code civicspace.gateway.body-limits}): a declared
 * {@code Content-Length} over it is refused with {@code 413} before a byte is read; a body without a
 * length (chunked) is counted as it streams through and cut off at the limit, also as {@code 413}.
 * Runs after authentication, so a caller without a token gets its {@code 401} first.
 */
@Component
class BodyLimitFilter implements WebFilter, Ordered {

    /** Thrown into the body stream at the limit; the problem handler answers it with 413. */
    static final class BodyTooLarge extends ResponseStatusException {

        BodyTooLarge(long limit) {
            super(HttpStatus.CONTENT_TOO_LARGE, detail(limit));
        }

        static String detail(long limit) {
            return "The request body is larger than the " + limit + " bytes this operation takes.";
        }
    }

    private final GatewayProperties.BodyLimits limits;

    BodyLimitFilter(GatewayProperties gateway) {
        this.limits = gateway.bodyLimits();
    }

    @Override
    public int getOrder() {
        return 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = limits.bytesFor(PublicApi.operationFor(request).map(PublicApi.Operation::bodyLimit)
                .orElse(PublicApi.BodyLimit.JSON));
        if (request.getHeaders().getContentLength() > limit) {
            return ProblemResponses.write(exchange, HttpStatus.CONTENT_TOO_LARGE, BodyTooLarge.detail(limit));
        }
        AtomicLong seen = new AtomicLong();
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new BodyTooLarge(limit));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }
}
