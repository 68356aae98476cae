package org.civicspace.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * {@code civicspace bench feeds}: N feeds served by a feed server on loopback, registered with the
 * stack's ingest service and polled by its scheduler until each has been polled once. Reports
 * feeds per minute, new items per second and the stack's peak resident memory.
 */
final class FeedBench {

    private static final String POLLED = "civicspace_ingest_feeds_polled_total";
    private static final String RECEIVED = "civicspace_ingest_reports_received_total";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private FeedBench() {
    }

    static int run(Deque<String> words, PrintStream out, PrintStream err) throws Exception {
        int feeds = 1_000;
        int items = 20;
        int minutes = 15;
        boolean json = false;
        while (!words.isEmpty()) {
            String word = words.pop();
            switch (word) {
                case "--feeds" -> feeds = Integer.parseInt(Civicspace.value(word, words));
                case "--items" -> items = Integer.parseInt(Civicspace.value(word, words));
                case "--minutes" -> minutes = Integer.parseInt(Civicspace.value(word, words));
                case "--json" -> json = true;
                default -> throw new IllegalArgumentException("unknown option '" + word + "' for bench feeds");
            }
        }
        Path data = Files.createTempDirectory("civicspace-bench");
        System.setProperty("civicspace.logs", data.resolve("logs").toString());
        AtomicInteger round = new AtomicInteger(1);
        HttpServer feedServer = serve(feeds, items, round);
        StackOptions options = Ports.onFreePorts(StackOptions.defaults(data)).withProperties(Map.of(
                "civicspace.ingest.fetch.allow-private-hosts", "127.0.0.1",
                // every feed is on one host here; real feeds spread over many
                "civicspace.ingest.fetch.per-host.requests-per-second", "10000",
                "civicspace.ingest.polling.first-poll-spread", "1s",
                "civicspace.ingest.polling.tick", "1s",
                "civicspace.ingest.polling.batch", "1000",
                "civicspace.ingest.polling.concurrency", "64"));
        err.println("bench feeds: starting the stack (log in " + data.resolve("logs") + ")");
        try (LocalStack stack = LocalStack.start(options, line -> err.println("  " + line))) {
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
            List<String> ids = register(stack, http, feedServer.getAddress().getPort(), feeds);
            err.println("bench feeds: " + feeds + " feeds registered; polling");
            URI metrics = URI.create("http://127.0.0.1:" + stack.port("monitor-ingest-service") + "/actuator/prometheus");
            long began = System.nanoTime();
            long deadline = began + Duration.ofMinutes(minutes).toNanos();
            double polled = 0;
            double published = 0;
            while (polled < feeds && System.nanoTime() < deadline) {
                Thread.sleep(1_000);
                String scrape = http.send(HttpRequest.newBuilder(metrics).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                polled = sum(scrape, POLLED, null);
                published = sum(scrape, RECEIVED, "source=\"feed\"");
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            double feedsPerMinute = polled / seconds * 60;
            double itemsPerSecond = published / seconds;

            // the next round: every feed again, each with one new item among those already seen
            round.set(2);
            err.println("bench feeds: first round done; polling every feed again, each with one new item");
            long again = System.nanoTime();
            pollAll(stack, http, ids);
            double secondsAgain = (System.nanoTime() - again) / 1e9;
            String scrape = http.send(HttpRequest.newBuilder(metrics).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            double publishedAgain = sum(scrape, RECEIVED, "source=\"feed\"") - published;
            double feedsPerMinuteAgain = ids.size() / secondsAgain * 60;
            long peakRssMb = peakRssKb() / 1024;
            out.printf(Locale.ROOT, "%-28s %12s%n", "measure", "value");
            out.printf(Locale.ROOT, "%-28s %12d%n", "feeds", feeds);
            out.printf(Locale.ROOT, "%-28s %12.0f%n", "feeds polled", polled);
            out.printf(Locale.ROOT, "%-28s %12.1f%n", "seconds", seconds);
            out.printf(Locale.ROOT, "%-28s %12.0f%n", "feeds per minute", feedsPerMinute);
            out.printf(Locale.ROOT, "%-28s %12.0f%n", "new items published", published);
            out.printf(Locale.ROOT, "%-28s %12.1f%n", "new items per second", itemsPerSecond);
            out.printf(Locale.ROOT, "%-28s %12.1f%n", "minutes for 10,000 feeds", 10_000 / feedsPerMinute);
            out.printf(Locale.ROOT, "%-28s %12.1f%n", "round 2: seconds", secondsAgain);
            out.printf(Locale.ROOT, "%-28s %12.0f%n", "round 2: feeds per minute", feedsPerMinuteAgain);
            out.printf(Locale.ROOT, "%-28s %12.0f%n", "round 2: new items", publishedAgain);
            out.printf(Locale.ROOT, "%-28s %12.1f%n", "round 2: min for 10,000", 10_000 / feedsPerMinuteAgain);
            out.printf(Locale.ROOT, "%-28s %12d%n", "peak RSS of the stack (MB)", peakRssMb);
            if (json) {
                out.printf(Locale.ROOT, "{\"feeds\":%d,\"feeds_polled\":%.0f,\"seconds\":%.1f,\"feeds_per_minute\":%.1f,"
                        + "\"items_published\":%.0f,\"items_per_s\":%.1f,\"round2_seconds\":%.1f,"
                        + "\"round2_feeds_per_minute\":%.1f,\"round2_items_published\":%.0f,\"peak_rss_mb\":%d}%n",
                        feeds, polled, seconds, feedsPerMinute, published, itemsPerSecond, secondsAgain,
                        feedsPerMinuteAgain, publishedAgain, peakRssMb);
            }
            return polled >= feeds ? 0 : 1;
        } finally {
            feedServer.stop(0);
        }
    }

    /** Registers the feeds through the gateway as an administrator, sixteen at a time; answers their ids. */
    private static List<String> register(LocalStack stack, HttpClient http, int feedPort, int feeds) throws Exception {
        String admin = stack.token("bench-admin", "admin");
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < feeds; i++) {
            inFlight.acquire();
            String body = "{\"url\": \"http://127.0.0.1:" + feedPort + "/feeds/" + i + ".xml\", \"pollIntervalMinutes\": 15}";
            sent.add(http.sendAsync(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/feeds"))
                            .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((answer, failure) -> inFlight.release()));
        }
        List<String> ids = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : sent) {
            if (answer.get().statusCode() != 201) {
                throw new IOException("registering a feed failed: " + answer.get().statusCode() + " " + answer.get().body());
            }
            Matcher id = ID.matcher(answer.get().body());
            if (!id.find()) {
                throw new IOException("a registered feed came back without an id: " + answer.get().body());
            }
            ids.add(id.group(1));
        }
        return ids;
    }

    /** Polls every feed now through {@code POST /api/v1/feeds/{id}/poll}, thirty-two at a time. */
    private static void pollAll(LocalStack stack, HttpClient http, List<String> ids) throws Exception {
        String admin = stack.token("bench-admin", "admin");
        Semaphore inFlight = new Semaphore(32);
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (String id : ids) {
            inFlight.acquire();
            sent.add(http.sendAsync(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/feeds/" + id + "/poll"))
                            .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((answer, failure) -> inFlight.release()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : sent) {
            if (answer.get().statusCode() != 200) {
                throw new IOException("polling a feed failed: " + answer.get().statusCode() + " " + answer.get().body());
            }
        }
    }

    /**
     * A feed server on loopback: feed {@code i} has {@code items} items of invented words, all
     * distinct, and one more from round 2 on.
     */
    private static HttpServer serve(int feeds, int items, AtomicInteger round) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/feeds/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/feeds/".length()).replace(".xml", "");
            byte[] body = feed(Integer.parseInt(name), items + round.get() - 1).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream response = exchange.getResponseBody()) {
                response.write(body);
            }
        });
        server.start();
        return server;
    }

    static String feed(int feed, int items) {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>")
                .append("<title>Bench feed ").append(feed).append("</title><link>https://bench.example/</link>")
                .append("<description>generated</description>");
        for (int item = 0; item < items; item++) {
            Random words = new Random(feed * 100_003L + item);
            rss.append("<item><title>").append(sentence(words, 8)).append("</title><link>https://bench.example/")
                    .append(feed).append('/').append(item).append("</link><description>").append(sentence(words, 70))
                    .append("</description><pubDate>Mon, 16 Nov 2026 09:00:00 GMT</pubDate></item>");
        }
        return rss.append("</channel></rss>").toString();
    }

    private static String sentence(Random random, int words) {
        String[] syllables = {"ka", "ro", "mi", "sta", "ne", "lu", "dar", "pe", "zo", "vin", "te", "sol", "gra", "bu"};
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            int length = 2 + random.nextInt(3);
            for (int s = 0; s < length; s++) {
                text.append(syllables[random.nextInt(syllables.length)]);
            }
            text.append(w == words - 1 ? "." : " ");
        }
        return text.toString();
    }

    private static double sum(String scrape, String metric, String mustContain) {
        return scrape.lines()
                .filter(line -> line.startsWith(metric) && (mustContain == null || line.contains(mustContain)))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static long peakRssKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmHWM:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(-1);
    }
}
