package org.civicspace.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.test.context.DynamicPropertyRegistry;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Four stand-ins for the services on 127.0.0.1, recording every request that reaches them. They answer
 * {@code 200 {"service":"<name>"}}, except for a few report ids that make them misbehave the way a
 * real service might: {@code crash} (a 500 error page with a stack trace and an internal host name),
 * {@code invalid} (a 400 problem detail of our own), {@code gone} (a bare 404), {@code slow-close}
 * (the connection dropped mid-answer), and the alert stream, which sends one event and stays open.
 */
final class StubServices {

    /** A request as a service saw it. */
    record Arrived(String service, String method, String uri, String authorization, String body) {
    }

    static final String STACK_TRACE_PAGE = "<html><body><h1>Whitelabel Error Page</h1><pre>"
            + "java.lang.IllegalStateException: timed out talking to mongo-0.mongo.civicspace.svc:27017\n"
            + "\tat org.civicspace.export.adapter.out.mongo.MongoArchive.find(MongoArchive.java:42)\n"
            + "</pre></body></html>";
    static final String OUR_PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
            + "\"detail\":\"size must be between 1 and 100\"}";

    final Queue<Arrived> arrived = new ConcurrentLinkedQueue<>();
    private final Map<String, DisposableServer> servers = new ConcurrentHashMap<>();

    /** Starts the four services and points the gateway at them; those named {@code down} get a port nobody listens on. */
    void start(DynamicPropertyRegistry registry, String... down) {
        for (String service : List.of("ingest", "classification", "alert", "export")) {
            if (List.of(down).contains(service)) {
                int closed = closedPort();
                registry.add("civicspace.gateway." + service + "-uri", () -> "http://127.0.0.1:" + closed);
                continue;
            }
            DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                    .handle((request, response) -> request.receive().aggregate().asString(StandardCharsets.UTF_8)
                            .defaultIfEmpty("")
                            .flatMap(body -> {
                                arrived.add(new Arrived(service, request.method().name(), request.uri(),
                                        request.requestHeaders().get("Authorization"), body));
                                return Mono.from(answer(service, request, response));
                            }))
                    .bindNow();
            servers.put(service, server);
            registry.add("civicspace.gateway." + service + "-uri", () -> "http://127.0.0.1:" + server.port());
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() {
        servers.values().forEach(DisposableServer::disposeNow);
    }

    private static org.reactivestreams.Publisher<Void> answer(String service, HttpServerRequest request,
            HttpServerResponse response) {
        String uri = request.uri();
        if (uri.startsWith("/api/v1/alerts/stream")) {
            return response.header("Content-Type", "text/event-stream")
                    .sendString(Flux.concat(Mono.just("id: 1\nevent: alert\ndata: {\"country\":\"KZ\"}\n\n"),
                            Flux.never()));
        }
        if (uri.endsWith("/crash")) {
            return response.status(500).header("Content-Type", "text/html").sendString(Mono.just(STACK_TRACE_PAGE));
        }
        if (uri.endsWith("/invalid")) {
            return response.status(400).header("Content-Type", "application/problem+json")
                    .sendString(Mono.just(OUR_PROBLEM));
        }
        if (uri.endsWith("/gone")) {
            return response.status(404).header("Content-Type", "text/plain").sendString(Mono.just("Not Found"));
        }
        if (uri.endsWith("/slow-close")) {
            return response.withConnection(connection -> connection.channel().close()).then();
        }
        return response.header("Content-Type", "application/json")
                .sendString(Mono.just("{\"service\":\"" + service + "\"}"));
    }
}
