package org.civicspace.ingest.adapter.out.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.civicspace.ingest.application.FetchRequest;
import org.civicspace.ingest.application.FetchResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Real fetches from real HTTP servers, all on loopback: feeds are served from 127.0.0.1 (allow-listed
 * here), and 127.0.0.2 and [::1] (not allow-listed) stand for the addresses that must be refused.
 * Host names are answered by a stub, so no lookup leaves the machine either.
 */
class SafeFeedFetcherIT {

    private static final byte[] FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Civic news</title>
            <item><title>Activist detained</title><guid>n-1</guid></item></channel></rss>
            """.getBytes(StandardCharsets.UTF_8);
    private static final String ETAG = "\"v1\"";
    private static final String LAST_MODIFIED = "Sun, 22 Nov 2026 10:00:00 GMT";
    private static final byte[] LOOPBACK = {127, 0, 0, 1};
    private static final byte[] NOT_ALLOWED_LOOPBACK = {127, 0, 0, 2};

    private static HttpServer server;
    private static ExecutorService serverThreads;
    private static String base;
    /** Listening on addresses that are not allow-listed: a connection to either would be a failure. */
    private static ServerSocket forbiddenV4;
    private static ServerSocket forbiddenV6;
    private static final AtomicLong bigBodyBytesWritten = new AtomicLong();
    private static final Map<String, Headers> requests = new ConcurrentHashMap<>();
    private static GzipBomb bomb;

    private final List<String> lookups = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServers() throws IOException {
        forbiddenV4 = new ServerSocket(0, 5, InetAddress.getByAddress(NOT_ALLOWED_LOOPBACK));
        forbiddenV6 = new ServerSocket(0, 5, InetAddress.getByName("[::1]"));
        bomb = GzipBomb.inflatingTo(1L << 30);

        server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(LOOPBACK), 0), 50);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.createContext("/feed", SafeFeedFetcherIT::feed);
        server.createContext("/gzip", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            send(exchange, 200, gzip(FEED));
        });
        server.createContext("/bomb", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                bomb.writeTo(out);
            } catch (IOException clientWentAway) {
                // expected: the fetcher stops reading at its limit
            }
        });
        server.createContext("/big", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (long written = 0; written < 50_000_000; written += chunk.length) {
                    out.write(chunk);
                    bigBodyBytesWritten.addAndGet(chunk.length);
                }
            } catch (IOException clientWentAway) {
                // expected: the fetcher stops reading at its limit
            }
        });
        server.createContext("/hop/", exchange -> {
            int left = Integer.parseInt(exchange.getRequestURI().getPath().substring("/hop/".length()));
            if (left == 0) {
                send(exchange, 200, FEED);
            } else {
                redirect(exchange, String.valueOf(left - 1));
            }
        });
        server.createContext("/to-forbidden", exchange ->
                redirect(exchange, "http://127.0.0.2:" + forbiddenV4.getLocalPort() + "/feed"));
        server.createContext("/to-file", exchange -> redirect(exchange, "file:///etc/passwd"));
        server.createContext("/to-gopher", exchange -> redirect(exchange, "gopher://127.0.0.1:70/_stats"));
        server.createContext("/to-same-host", exchange -> redirect(exchange, "/feed"));
        server.createContext("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 100);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(300);
                }
            } catch (IOException | InterruptedException clientWentAway) {
                // expected: the fetcher gives up at its total time-out
            }
        });
        server.createContext("/silent", exchange -> {
            exchange.sendResponseHeaders(200, 100);
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.createContext("/broken", exchange -> send(exchange, 500, new byte[0]));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopServers() throws IOException {
        server.stop(0);
        serverThreads.shutdownNow();
        forbiddenV4.close();
        forbiddenV6.close();
    }

    @Test
    void fetchesAFeedWithItsValidators() {
        FetchResult result = fetch(fetcher(), base + "/feed");

        assertThat(result).isInstanceOfSatisfying(FetchResult.Ok.class, ok -> {
            assertThat(ok.body()).isEqualTo(FEED);
            assertThat(ok.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
            assertThat(ok.etag()).isEqualTo(ETAG);
            assertThat(ok.lastModified()).isEqualTo(LAST_MODIFIED);
            assertThat(ok.finalUrl()).isEqualTo(URI.create(base + "/feed"));
            assertThat(ok.status()).isEqualTo(200);
        });
        Headers sent = requests.get("/feed");
        assertThat(sent.getFirst("Accept-Encoding")).isEqualTo("gzip");
        assertThat(sent.getFirst("User-Agent")).isEqualTo("civicspace-test/1");
    }

    @Test
    void aConditionalGetOfAnUnchangedFeedIsNotModified() {
        assertThat(fetcher().fetch(new FetchRequest(URI.create(base + "/feed"), ETAG, null)).block())
                .isEqualTo(FetchResult.notModified());
        assertThat(requests.get("/feed").getFirst("If-None-Match")).isEqualTo(ETAG);

        assertThat(fetcher().fetch(new FetchRequest(URI.create(base + "/feed"), null, LAST_MODIFIED)).block())
                .isEqualTo(FetchResult.notModified());
        assertThat(requests.get("/feed").getFirst("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
    }

    @Test
    void inflatesAGzipBody() {
        assertThat(fetch(fetcher(), base + "/gzip")).isInstanceOfSatisfying(FetchResult.Ok.class,
                ok -> assertThat(ok.body()).isEqualTo(FEED));
    }

    @Test
    void refusesAGzipBombOnceTheInflatedBytesPassTheLimit() {
        assertThat(bomb.compressedSize()).isLessThan(DataSize.ofMegabytes(5).toBytes());

        assertThat(fetch(fetcher(), base + "/bomb"))
                .isEqualTo(FetchResult.refused("the body passed the 20 MiB limit once inflated"));
    }

    @Test
    void refusesAnOversizedBodyAtTheLimitWithoutReadingItAll() {
        assertThat(fetch(fetcher(), base + "/big")).isEqualTo(FetchResult.refused("the body passed the 5 MiB limit"));
        // the server could put a little more in the socket buffers, never the whole 50 MB
        assertThat(bigBodyBytesWritten.get()).isLessThan(20_000_000);
    }

    @Test
    void followsUpToFiveRedirects() {
        assertThat(fetch(fetcher(), base + "/hop/5")).isInstanceOfSatisfying(FetchResult.Ok.class,
                ok -> assertThat(ok.finalUrl()).isEqualTo(URI.create(base + "/hop/0")));
    }

    @Test
    void refusesAChainOfSixRedirects() {
        assertThat(fetch(fetcher(), base + "/hop/6")).isEqualTo(FetchResult.refused("the feed redirected more than 5 times"));
    }

    @Test
    void refusesARedirectToALoopbackAddressThatIsNotAllowedBeforeConnecting() throws IOException {
        assertThat(fetch(fetcher(), base + "/to-forbidden")).isEqualTo(FetchResult.refused(
                "the address 127.0.0.2 is loopback, and loopback addresses are not allowed"));
        assertNeverConnected(forbiddenV4);
    }

    @Test
    void refusesRedirectsToOtherSchemes() {
        assertThat(fetch(fetcher(), base + "/to-file"))
                .isEqualTo(FetchResult.refused("the redirect to file:///etc/passwd is not http or https"));
        assertThat(fetch(fetcher(), base + "/to-gopher"))
                .isEqualTo(FetchResult.refused("the redirect to gopher://127.0.0.1:70/_stats is not http or https"));
        assertThat(fetch(fetcher(), "gopher://127.0.0.1:70/_stats"))
                .isEqualTo(FetchResult.refused("the URL gopher://127.0.0.1:70/_stats is not http or https"));
    }

    @Test
    void refusesIpv6LoopbackWhenItIsNotAllowed() throws IOException {
        assertThat(fetch(fetcher(), "http://[::1]:" + forbiddenV6.getLocalPort() + "/feed")).isEqualTo(
                FetchResult.refused("the address ::1 is loopback, and loopback addresses are not allowed"));
        assertNeverConnected(forbiddenV6);
    }

    @Test
    void refusesAHostNameThatResolvesToAnAddressThatIsNotAllowed() throws IOException {
        SafeFeedFetcher fetcher = fetcher(List.of("127.0.0.1"), Duration.ofSeconds(2), Duration.ofSeconds(5),
                stub(Map.of("intranet.test", NOT_ALLOWED_LOOPBACK)));

        assertThat(fetch(fetcher, "http://intranet.test:" + forbiddenV4.getLocalPort() + "/feed")).isEqualTo(
                FetchResult.refused("the address 127.0.0.2 of intranet.test is loopback, and loopback addresses are not allowed"));
        assertThat(lookups).containsExactly("intranet.test");
        assertNeverConnected(forbiddenV4);
    }

    @Test
    void allowsAPrivateHostListedByName() {
        SafeFeedFetcher fetcher = fetcher(List.of("feeds.test"), Duration.ofSeconds(2), Duration.ofSeconds(5),
                stub(Map.of("feeds.test", LOOPBACK)));

        assertThat(fetch(fetcher, "http://feeds.test:" + server.getAddress().getPort() + "/feed"))
                .isInstanceOf(FetchResult.Ok.class);
        assertThat(fetch(fetcher, base + "/feed")).isInstanceOf(FetchResult.Refused.class);
    }

    @Test
    void checksTheAddressAgainOnEveryHopSoANameThatRepointsIsRefused() {
        // first answer allowed, second not: DNS rebinding between the first request and the redirect
        List<byte[]> answers = new CopyOnWriteArrayList<>(List.of(LOOPBACK, NOT_ALLOWED_LOOPBACK));
        HostLookup rebinding = host -> {
            lookups.add(host);
            return List.of(InetAddress.getByAddress(host, answers.size() > 1 ? answers.remove(0) : answers.get(0)));
        };
        SafeFeedFetcher fetcher = fetcher(List.of("127.0.0.1"), Duration.ofSeconds(2), Duration.ofSeconds(5), rebinding);

        assertThat(fetch(fetcher, "http://rebind.test:" + server.getAddress().getPort() + "/to-same-host")).isEqualTo(
                FetchResult.refused("the address 127.0.0.2 of rebind.test is loopback, and loopback addresses are not allowed"));
        assertThat(lookups).containsExactly("rebind.test", "rebind.test");
    }

    @Test
    void cutsATricklingServerAtTheTotalTimeOut() {
        SafeFeedFetcher fetcher = fetcher(List.of("127.0.0.1"), Duration.ofSeconds(1), Duration.ofMillis(1500), stub(Map.of()));
        long start = System.nanoTime();

        FetchResult result = fetch(fetcher, base + "/trickle");

        assertThat(result).isEqualTo(FetchResult.failed("the fetch took longer than the 1500 ms allowed in all", 0, true));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void cutsASilentServerAtTheReadTimeOut() {
        SafeFeedFetcher fetcher = fetcher(List.of("127.0.0.1"), Duration.ofMillis(500), Duration.ofSeconds(5), stub(Map.of()));

        assertThat(fetch(fetcher, base + "/silent")).isEqualTo(FetchResult.failed(
                "the server at 127.0.0.1:" + server.getAddress().getPort() + " sent nothing for 500 ms", 0, true));
    }

    @Test
    void reportsAServerErrorAsARetryableFailure() {
        assertThat(fetch(fetcher(), base + "/broken"))
                .isEqualTo(FetchResult.failed("the server answered 500 Internal Server Error", 500, true));
    }

    @Test
    void reportsARefusedConnectionAsARetryableFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(LOOPBACK))) {
            closedPort = socket.getLocalPort();
        }

        assertThat(fetch(fetcher(), "http://127.0.0.1:" + closedPort + "/feed")).isEqualTo(FetchResult.failed(
                "could not connect to 127.0.0.1:" + closedPort + ": the connection was refused", 0, true));
    }

    @Test
    void reportsAHostNameThatDoesNotResolveAsARetryableFailure() {
        assertThat(fetch(fetcher(), "http://nowhere.test/feed"))
                .isEqualTo(FetchResult.failed("the host name nowhere.test could not be resolved", 0, true));
        assertThat(lookups).containsExactly("nowhere.test");
    }

    private SafeFeedFetcher fetcher() {
        return fetcher(List.of("127.0.0.1"), Duration.ofSeconds(2), Duration.ofSeconds(10), stub(Map.of()));
    }

    private static SafeFeedFetcher fetcher(List<String> allowed, Duration readTimeout, Duration totalTimeout,
            HostLookup lookup) {
        return new SafeFeedFetcher(new FetchProperties(allowed, 5, Duration.ofSeconds(1), readTimeout, totalTimeout,
                DataSize.ofMegabytes(5), DataSize.ofMegabytes(20), "civicspace-test/1"), lookup);
    }

    /** Answers only the names given, recording each question; any other name does not exist. */
    private HostLookup stub(Map<String, byte[]> zone) {
        return host -> {
            lookups.add(host);
            byte[] address = zone.get(host);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return List.of(InetAddress.getByAddress(host, address));
        };
    }

    private static FetchResult fetch(SafeFeedFetcher fetcher, String url) {
        return fetcher.fetch(FetchRequest.of(URI.create(url))).block(Duration.ofSeconds(30));
    }

    /** A TCP connection completes in the kernel's backlog even unaccepted, so an empty backlog proves none was made. */
    private static void assertNeverConnected(ServerSocket socket) throws IOException {
        socket.setSoTimeout(300);
        assertThatThrownBy(socket::accept).isInstanceOf(SocketTimeoutException.class);
    }

    private static void feed(HttpExchange exchange) throws IOException {
        Headers request = exchange.getRequestHeaders();
        requests.put("/feed", request);
        if (ETAG.equals(request.getFirst("If-None-Match")) || LAST_MODIFIED.equals(request.getFirst("If-Modified-Since"))) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
        exchange.getResponseHeaders().set("ETag", ETAG);
        exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
        send(exchange, 200, FEED);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    /**
     * A valid gzip stream of zeros, written out without ever holding the inflated bytes: one deflate
     * segment for 1 MiB of zeros, flushed to a byte boundary so that it can be repeated, then the end.
     */
    private record GzipBomb(byte[] segment, long repeats, byte[] end) {

        static GzipBomb inflatingTo(long bytes) {
            byte[] mebibyte = new byte[1 << 20];
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
            deflater.setInput(mebibyte);
            byte[] segment = drain(deflater, Deflater.SYNC_FLUSH);
            deflater.finish();
            ByteArrayOutputStream end = new ByteArrayOutputStream();
            end.writeBytes(drain(deflater, Deflater.NO_FLUSH));
            deflater.end();
            long repeats = bytes / mebibyte.length;
            CRC32 crc = new CRC32();
            for (long i = 0; i < repeats; i++) {
                crc.update(mebibyte);
            }
            writeLittleEndian(end, crc.getValue());
            writeLittleEndian(end, bytes);
            return new GzipBomb(segment, repeats, end.toByteArray());
        }

        long compressedSize() {
            return 10 + segment.length * repeats + end.length;
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
            for (long i = 0; i < repeats; i++) {
                out.write(segment);
            }
            out.write(end);
        }

        private static byte[] drain(Deflater deflater, int flush) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, flush);
                out.write(buffer, 0, n);
            } while (n == buffer.length || (flush == Deflater.NO_FLUSH && !deflater.finished()));
            return out.toByteArray();
        }

        private static void writeLittleEndian(ByteArrayOutputStream out, long value) {
            for (int i = 0; i < 4; i++) {
                out.write((int) (value >>> (8 * i)) & 0xff);
            }
        }
    }
}
