package org.civicspace.alert.adapter.out.webhook;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.civicspace.alert.WebhookProperties;
import org.civicspace.alert.application.Notification;
import org.civicspace.alert.application.delivery.ChannelSender;
import org.civicspace.alert.application.delivery.SendOutcome;
import org.civicspace.alert.domain.Channel;
import org.civicspace.alert.domain.delivery.WebhookSignature;
import org.civicspace.alert.domain.delivery.WebhookTargets;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs a notification's payload as JSON to its webhook URL, signed (see {@link WebhookSignature})
 * and with the idempotency key in {@code Idempotency-Key}. Guarded: only http(s); every address
 * about to be dialled is checked against {@link WebhookTargets} (so DNS answers that change
 * between a check and the connect gain nothing); redirects are not followed; connect and answer
 * have time limits; and a circuit breaker per target host stops calling a host that keeps failing,
 * without holding up any other host. Neither the body nor the secret is ever logged.
 */
@Component
class WebhookSender implements ChannelSender {

    static final String TIMESTAMP = "X-Civicspace-Timestamp";
    static final String SIGNATURE = "X-Civicspace-Signature";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final HttpClient client;
    private final CircuitBreakerRegistry breakers;
    private final WebhookProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    WebhookSender(WebhookProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        WebhookTargets targets = new WebhookTargets(properties.allowPrivateHosts());
        this.client = HttpClient.create(ConnectionProvider.builder("webhooks").maxConnections(64)
                        .maxIdleTime(Duration.ofSeconds(20)).build())
                .doOnChannelInit((observer, channel, remote) -> channel.pipeline()
                        .addFirst("civicspace.addressGuard", new AddressGuard(targets, hostOf(remote))))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .responseTimeout(properties.responseTimeout())
                .followRedirect(false)
                // a POST is not repeated behind our back: every attempt is one the outbox counts
                .disableRetry(true);
        WebhookProperties.CircuitBreaker breaker = properties.circuitBreaker();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(breaker.window())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRatePercent())
                .waitDurationInOpenState(breaker.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordExceptions(HostFailure.class)
                .build());
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public String target(Notification notification) {
        try {
            return WebhookTargets.parse(notification.address()).getHost().toLowerCase(Locale.ROOT);
        } catch (WebhookTargets.RefusedTarget refused) {
            return "?";
        }
    }

    @Override
    public Mono<SendOutcome> send(Notification notification) {
        URI url;
        try {
            url = WebhookTargets.parse(notification.address());
        } catch (WebhookTargets.RefusedTarget refused) {
            return Mono.just(SendOutcome.permanent(refused.getMessage()));
        }
        String secret = notification.webhookSecret();
        if (secret == null || secret.isEmpty()) {
            return Mono.just(SendOutcome.permanent("the subscription has no webhook secret, and webhooks are only sent signed"));
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        byte[] body = json.writeValueAsBytes(notification.payload());
        long timestamp = clock.instant().getEpochSecond();
        String signature = WebhookSignature.sign(secret, timestamp, body);
        return Mono.defer(() -> post(url, host, body, timestamp, signature, notification.idempotencyKey()))
                .flatMap(outcome -> outcome instanceof SendOutcome.Failed failed && failed.retryable()
                        ? Mono.<SendOutcome>error(new HostFailure(failed))
                        : Mono.just(outcome))
                .transformDeferred(CircuitBreakerOperator.of(breakers.circuitBreaker(host)))
                .onErrorResume(HostFailure.class, failure -> Mono.just(failure.outcome))
                .onErrorResume(CallNotPermittedException.class, open -> Mono.just(SendOutcome.retryable(
                        host + " failed again and again, so it is left alone for " + words(
                                properties.circuitBreaker().openFor()) + " (circuit open)")));
    }

    private Mono<SendOutcome> post(URI url, String host, byte[] body, long timestamp, String signature, String key) {
        return client.post().uri(url)
                .send((request, out) -> {
                    request.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                            .header(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(body.length))
                            .header(HttpHeaderNames.USER_AGENT, "civicspace-alert-service")
                            .header(TIMESTAMP, String.valueOf(timestamp))
                            .header(SIGNATURE, signature)
                            .header(IDEMPOTENCY_KEY, key);
                    return out.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body)));
                })
                // the answer's body is read and dropped: what a receiver says is not ours to keep or log
                .response((response, content) -> content.then(Mono.just(response.status().code())))
                .next()
                .map(status -> outcomeOf(status, host))
                .onErrorResume(failure -> Mono.just(outcomeOf(failure, url, host)));
    }

    private static SendOutcome outcomeOf(int status, String host) {
        if (status >= 200 && status < 300) {
            return SendOutcome.sent();
        }
        String answered = "the receiver at " + host + " answered " + status;
        if (status >= 500 || status == 408 || status == 425 || status == 429) {
            return SendOutcome.retryable(answered);
        }
        if (status >= 300 && status < 400) {
            return SendOutcome.permanent(answered + ", a redirect, and redirects are not followed");
        }
        return SendOutcome.permanent(answered + ", refusing the webhook itself; a retry would not change that");
    }

    private SendOutcome outcomeOf(Throwable failure, URI url, String host) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AddressGuard.RefusedAddress refused) {
                return SendOutcome.permanent(refused.getMessage());
            }
            if (cause instanceof ConnectTimeoutException) {
                return SendOutcome.retryable("no connection to " + host + " within "
                        + words(properties.connectTimeout()));
            }
            if (cause instanceof ReadTimeoutException) {
                return SendOutcome.retryable("the receiver at " + host + " did not answer within "
                        + words(properties.responseTimeout()));
            }
            if (cause instanceof ConnectException) {
                return SendOutcome.retryable("could not connect to " + host + " on port " + portOf(url)
                        + " (nothing listening, or refused)");
            }
            if (cause instanceof UnknownHostException) {
                return SendOutcome.retryable("the host name " + host + " could not be resolved");
            }
            if (cause instanceof PrematureCloseException) {
                return SendOutcome.retryable("the receiver at " + host + " closed the connection before answering");
            }
        }
        return SendOutcome.retryable("the request to " + host + " failed (" + failure.getClass().getSimpleName() + ")");
    }

    private static int portOf(URI url) {
        return url.getPort() > 0 ? url.getPort() : url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static String hostOf(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet ? inet.getHostString() : String.valueOf(remote);
    }

    private static String words(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** A failure worth a retry, carried as an error through the circuit breaker, which counts it against the host. */
    private static final class HostFailure extends RuntimeException {

        private final transient SendOutcome.Failed outcome;

        HostFailure(SendOutcome.Failed outcome) {
            super(outcome.reason(), null, false, false);
            this.outcome = outcome;
        }
    }
}
