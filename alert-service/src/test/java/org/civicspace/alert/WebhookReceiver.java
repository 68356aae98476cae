package org.civicspace.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver of webhooks on 127.0.0.1, on a port of its own: records every request and
 * answers with the given statuses in turn, the last one from then on.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received: lower-case header names, the first value of each, and the body. */
    public record Received(Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver(Map<String, String> responseHeaders, int... statuses) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> e.getValue().get(0),
                                (a, b) -> a));
                received.add(new Received(headers, in.readAllBytes()));
            }
            int status = statuses[Math.min(calls.getAndIncrement(), statuses.length - 1)];
            responseHeaders.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** A receiver answering {@code statuses} in turn, repeating the last. */
    public static WebhookReceiver answering(int... statuses) {
        return new WebhookReceiver(Map.of(), statuses);
    }

    /** A receiver that always redirects to {@code location}. */
    public static WebhookReceiver redirectingTo(String location) {
        return new WebhookReceiver(Map.of("Location", location), 302);
    }

    /** A URL on 127.0.0.1 where nothing listens: a receiver that is down. */
    public static String downUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/hook";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/hook";
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** The requests received once there are at least {@code count}, waiting at most 20 s. */
    public List<Received> await(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return received();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
