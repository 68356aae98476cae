package org.civicspace.ingest.adapter.out.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLException;

import org.civicspace.ingest.application.FeedFetcher;
import org.civicspace.ingest.application.FetchRequest;
import org.civicspace.ingest.application.FetchResult;
import org.civicspace.ingest.domain.fetch.AddressPolicy;
import org.civicspace.ingest.domain.fetch.BoundedGunzip;
import org.civicspace.ingest.domain.fetch.FeedUrls;

import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;

/**
 * Fetches a feed over Reactor Netty, once: only http(s), only allowed addresses (checked on every
 * connection and redirect), within limits of size and time.
 */
final class SafeFeedFetcher implements FeedFetcher {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, "
            + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

    private final FetchProperties properties;
    private final HttpClient client;

    SafeFeedFetcher(FetchProperties properties, HostLookup lookup) {
        this.properties = properties;
        AddressPolicy policy = new AddressPolicy(properties.allowPrivateHosts());
        // a fresh connection per fetch: a pooled one could outlive the check of the address it was opened to,
        // and a body cut off at a limit leaves nothing worth reusing
        this.client = HttpClient.create(ConnectionProvider.newConnection())
                .resolver(new CheckingResolverGroup(lookup, policy))
                .doOnChannelInit((observer, channel, remote) -> channel.pipeline()
                        .addFirst("civicspace.connectGuard", new ConnectGuard(policy, hostOf(remote))))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .responseTimeout(properties.readTimeout())
                // redirects are ours to follow, so that each hop's URL is checked before it is requested
                .followRedirect(false)
                // gzip is asked for by hand and inflated by hand, to count the inflated bytes as they come
                .compress(false)
                .headers(headers -> headers
                        .set(HttpHeaderNames.USER_AGENT, properties.userAgent())
                        .set(HttpHeaderNames.ACCEPT, ACCEPT)
                        .set(HttpHeaderNames.ACCEPT_ENCODING, "gzip"));
    }

    @Override
    public Mono<FetchResult> fetch(FetchRequest request) {
        Optional<String> refusal = FeedUrls.refusal(request.url());
        if (refusal.isPresent()) {
            return Mono.just(FetchResult.refused(refusal.get()));
        }
        return hop(request, request.url(), 0)
                .timeout(properties.totalTimeout(), Mono.fromSupplier(() -> FetchResult.failed(
                        "the fetch took longer than the " + words(properties.totalTimeout()) + " allowed in all",
                        0, true)));
    }

    private Mono<FetchResult> hop(FetchRequest request, URI url, int redirects) {
        return client
                .headers(headers -> {
                    if (request.etag() != null) {
                        headers.set(HttpHeaderNames.IF_NONE_MATCH, request.etag());
                    }
                    if (request.lastModified() != null) {
                        headers.set(HttpHeaderNames.IF_MODIFIED_SINCE, request.lastModified());
                    }
                })
                .get()
                .uri(url)
                .response((response, body) -> answer(response, body, url))
                .next()
                .onErrorResume(error -> failure(error, url))
                .flatMap(answer -> answer.location() == null ? Mono.just(answer.result())
                        : follow(request, url, answer.location(), redirects));
    }

    private Mono<FetchResult> follow(FetchRequest request, URI from, String location, int redirects) {
        if (redirects >= properties.maxRedirects()) {
            return Mono.just(FetchResult.refused("the feed redirected more than " + properties.maxRedirects() + " times"));
        }
        Optional<URI> to = FeedUrls.resolve(from, location);
        if (to.isEmpty()) {
            return Mono.just(FetchResult.refused("the redirect to " + shown(location) + " is not a valid URL"));
        }
        Optional<String> refusal = FeedUrls.redirectRefusal(from, to.get());
        if (refusal.isPresent()) {
            return Mono.just(FetchResult.refused(refusal.get()));
        }
        return hop(request, to.get(), redirects + 1);
    }

    private Mono<Answer> answer(HttpClientResponse response, ByteBufFlux body, URI url) {
        int status = response.status().code();
        HttpHeaders headers = response.responseHeaders();
        if (status == 304) {
            return Answer.of(FetchResult.notModified());
        }
        if (REDIRECTS.contains(status)) {
            String location = headers.get(HttpHeaderNames.LOCATION);
            return location == null
                    ? Answer.of(FetchResult.failed("the server answered " + words(status) + " without a Location",
                            status, false))
                    : Mono.just(new Answer(null, location));
        }
        if (status < 200 || status > 299) {
            return Answer.of(FetchResult.failed("the server answered " + words(status), status, retryable(status)));
        }
        String encoding = headers.get(HttpHeaderNames.CONTENT_ENCODING, "identity").trim().toLowerCase(Locale.ROOT);
        boolean gzip = encoding.equals("gzip") || encoding.equals("x-gzip");
        if (!gzip && !encoding.equals("identity")) {
            return Answer.of(FetchResult.refused(
                    "the server sent the body in the " + encoding + " encoding, which was not asked for"));
        }
        long limit = properties.maxCompressedBytes().toBytes();
        if (declaredLength(headers) > limit) {
            return Answer.of(FetchResult.refused("the body passed the " + words(limit) + " limit"));
        }
        BodyBuffer buffer = new BodyBuffer(limit);
        return body.asByteArray()
                // stops reading, and closes the connection, at the first chunk past the limit
                .takeWhile(buffer::append)
                .then(Mono.fromCallable(() -> buffer.overLimit()
                                ? new Answer(FetchResult.refused("the body passed the " + words(limit) + " limit"), null)
                                : new Answer(complete(buffer.bytes(), gzip, headers, url, status), null))
                        // inflating up to the limit takes a while; an event loop must not wait for it
                        .subscribeOn(Schedulers.parallel()));
    }

    private FetchResult complete(byte[] wire, boolean gzip, HttpHeaders headers, URI url, int status) {
        long limit = properties.maxDecompressedBytes().toBytes();
        byte[] body = wire;
        if (gzip) {
            try {
                Optional<byte[]> inflated = BoundedGunzip.gunzip(wire, limit);
                if (inflated.isEmpty()) {
                    return FetchResult.refused("the body passed the " + words(limit) + " limit once inflated");
                }
                body = inflated.get();
            } catch (IOException notGzip) {
                return FetchResult.failed("the body was sent as gzip but is not valid gzip", status, false);
            }
        } else if (body.length > limit) {
            return FetchResult.refused("the body passed the " + words(limit) + " limit");
        }
        return FetchResult.ok(body, headers.get(HttpHeaderNames.CONTENT_TYPE), headers.get(HttpHeaderNames.ETAG),
                headers.get(HttpHeaderNames.LAST_MODIFIED), url, status);
    }

    /** The expected failures, in plain words; anything else is a bug and stays an error. */
    private Mono<Answer> failure(Throwable error, URI url) {
        String where = url.getHost() + ":" + port(url);
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof AddressRefusedException) {
                return Answer.of(FetchResult.refused(e.getMessage()));
            }
            if (e instanceof ConnectTimeoutException) {
                return Answer.of(FetchResult.failed("no connection to " + where + " within "
                        + words(properties.connectTimeout()), 0, true));
            }
            if (e instanceof ConnectException) {
                boolean refused = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("refused");
                return Answer.of(FetchResult.failed("could not connect to " + where
                        + (refused ? ": the connection was refused" : ""), 0, true));
            }
            if (e instanceof ReadTimeoutException) {
                return Answer.of(FetchResult.failed("the server at " + where + " sent nothing for "
                        + words(properties.readTimeout()), 0, true));
            }
            if (e instanceof UnknownHostException) {
                return Answer.of(FetchResult.failed("the host name " + url.getHost() + " could not be resolved", 0, true));
            }
            if (e instanceof PrematureCloseException) {
                return Answer.of(FetchResult.failed("the server at " + where
                        + " closed the connection before the answer was complete", 0, true));
            }
            if (e instanceof SSLException) {
                return Answer.of(FetchResult.failed("the secure connection to " + where + " failed: "
                        + e.getMessage(), 0, false));
            }
            if (e instanceof DecoderException) {
                return Answer.of(FetchResult.failed("the server at " + where + " did not answer in valid HTTP", 0, false));
            }
            if (e instanceof IOException) {
                return Answer.of(FetchResult.failed("a network error while fetching from " + where + ": "
                        + e.getMessage(), 0, true));
            }
        }
        return Mono.error(error);
    }

    /** A server's text, cut short: it ends up in the feed's health, which is no place for a megabyte. */
    private static String shown(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static boolean retryable(int status) {
        return status >= 500 || status == 408 || status == 425 || status == 429;
    }

    private static long declaredLength(HttpHeaders headers) {
        try {
            return Long.parseLong(headers.get(HttpHeaderNames.CONTENT_LENGTH, "-1").trim());
        } catch (NumberFormatException unreadable) {
            // counted as it arrives instead
            return -1;
        }
    }

    private static String hostOf(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet ? inet.getHostString() : String.valueOf(remote);
    }

    private static int port(URI url) {
        return url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    /** e.g. "500 Internal Server Error", with the standard phrase rather than whatever the server wrote. */
    static String words(int status) {
        return HttpResponseStatus.valueOf(status).toString();
    }

    /** e.g. "30 s", "1500 ms". */
    static String words(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** e.g. "5 MiB", "64 KiB", "1000 bytes". */
    static String words(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return bytes / (1 << 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return bytes / (1 << 10) + " KiB";
        }
        return bytes + " bytes";
    }

    /** A hop's outcome: a final result, or where a redirect points. */
    private record Answer(FetchResult result, String location) {

        static Mono<Answer> of(FetchResult result) {
            return Mono.just(new Answer(result, null));
        }
    }
}
