package org.civicspace.gateway;

import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a service answers in error reaches the client only as a problem detail we can vouch for. A
 * {@code 4xx} problem detail passes as it is: it is the service telling the caller what to fix (the
 * fields of a bad report, a missing id), in words we wrote. Any other {@code 4xx} body, and every
 * {@code 5xx} body, is dropped unread and replaced by our own problem detail with the same status:
 * a {@code 5xx} body may be an error page with a stack trace, an exception message or the address of
 * a database. The status and headers such as {@code Retry-After} stay.
 */
@Component
class BackendErrorFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(BackendErrorFilter.class);

    private final MeterRegistry meters;

    BackendErrorFilter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        // wraps the response before NettyWriteResponseFilter writes the service's answer into it
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        ServerHttpResponse checked = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                return vouchedFor() ? super.writeWith(body) : replace(Flux.from(body));
            }

            @Override
            public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
                return vouchedFor() ? super.writeAndFlushWith(body) : replace(Flux.from(body).concatMap(part -> part));
            }

            private boolean vouchedFor() {
                HttpStatusCode status = getStatusCode();
                if (status == null || !status.isError()) {
                    return true;
                }
                MediaType type = getHeaders().getContentType();
                return status.is4xxClientError() && type != null
                        && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type);
            }

            private Mono<Void> replace(Flux<? extends DataBuffer> body) {
                HttpStatusCode status = getStatusCode();
                meters.counter("civicspace.gateway.service.errors.replaced", "status", status.is5xxServerError()
                        ? "5xx" : "4xx").increment();
                if (status.is5xxServerError()) {
                    log.warn("{} {}: the service answered {}; its body was replaced", exchange.getRequest().getMethod(),
                            path, status.value());
                }
                return body.doOnNext(DataBufferUtils::release).then(Mono.defer(() ->
                        ProblemResponses.write(getDelegate(), path, status, ProblemErrorHandler.detail(status))));
            }
        };
        return chain.filter(exchange.mutate().response(checked).build());
    }
}
