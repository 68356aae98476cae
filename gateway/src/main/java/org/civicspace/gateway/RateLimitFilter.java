package org.civicspace.gateway;

import java.security.Principal;
import java.time.Duration;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Rate limits per caller, after authentication (the caller is the token's subject): every API request
 * takes a token from the caller's bucket, and a partner's report submission one more from its
 * stricter submissions bucket. Over the limit: {@code 429} with {@code Retry-After} in seconds.
 * Requests without a token never get here with an identity and are refused by the role check.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

    private final boolean enabled;
    private final RateLimiter perUser;
    private final RateLimiter partnerSubmissions;

    private final Counter perUserRefusals;
    private final Counter submissionRefusals;

    RateLimitFilter(GatewayProperties gateway, MeterRegistry meters) {
        this.perUserRefusals = refusals(meters, "per_user");
        this.submissionRefusals = refusals(meters, "partner_submissions");
        GatewayProperties.RateLimits limits = gateway.rateLimits();
        this.enabled = limits.enabled();
        this.perUser = new RateLimiter(limits.perUser(), System::nanoTime);
        this.partnerSubmissions = new RateLimiter(limits.partnerSubmissions(), System::nanoTime);
    }

    @Override
    public int getOrder() {
        // after Spring Security's filter chain (-100), which tells who the caller is
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!enabled || !exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal().map(Principal::getName).defaultIfEmpty("").flatMap(caller -> {
            if (caller.isEmpty()) {
                return chain.filter(exchange);
            }
            Duration wait = perUser.tryTake(caller);
            if (!wait.isZero()) {
                perUserRefusals.increment();
                return tooMany(exchange, wait);
            }
            if (PublicApi.operationFor(exchange.getRequest()).filter(PublicApi.Operation::partnerSubmission).isPresent()) {
                wait = partnerSubmissions.tryTake(caller);
                if (!wait.isZero()) {
                    submissionRefusals.increment();
                    return tooMany(exchange, wait);
                }
            }
            return chain.filter(exchange);
        });
    }

    private static Counter refusals(MeterRegistry meters, String limit) {
        return Counter.builder("civicspace.gateway.requests.limited")
                .description("Requests refused with 429 because the caller was over a rate limit")
                .tag("limit", limit).register(meters);
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "You have sent more requests than we take from one caller; try again in " + seconds + " s.");
    }
}
