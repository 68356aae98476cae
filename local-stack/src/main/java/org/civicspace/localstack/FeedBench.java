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

import org.civicspace.localstack.bench.PipelineBench;

import com.sun.net.httpserver.HttpServer;

/**
 * {@code civicspace bench feeds}: N feeds served by a feed server on loopback, registered with the
 * stack's ingest service in batches and polled by its scheduler until each has been polled once
 * (round 1, timed from the start of registration); then every feed polled again on demand, a
 * share of them ({@code --changed}, in per cent) with one new item and the rest answering 304 to
 * the conditional GET (round 2). Reports feeds per minute, new items per second and the stack's
 * peak resident memory.
 */
final class FeedBench {

    private static final String POLLED = "civicspace_ingest_feeds_polled_total";
    private static final String RECEIVED = "civicspace_ingest_reports_received_total";
    private static final Pattern FEED_ID = Pattern.compile("\"feed\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");

    private static final int CONCURRENCY = 64;

    private FeedBench() {
    }

    static int run(Deque<String> words, PrintStream out, PrintStream err) throws Exception {
        int feeds = 1_000;
        int items = 20;
        int minutes = 15;
        int changed = 100;
        boolean json = false;
        while (!words.isEmpty()) {
            String word = words.pop();
            switch (word) {
                case "--feeds" -> feeds = Integer.parseInt(Civicspace.value(word, words));
                case "--items" -> items = Integer.parseInt(Civicspace.value(word, words));
                case "--minutes" -> minutes = Integer.parseInt(Civicspace.value(word, words));
                case "--changed" -> changed = Integer.parseInt(Civicspace.value(word, words));
                case "--json" -> json = true;
                default -> throw new IllegalArgumentException("unknown option '" + word + "' for bench feeds");
            }
        }
        Path data = Files.createTempDirectory("civicspace-bench");
        System.setProperty("civicspace.logs", data.resolve("logs").toString());
        AtomicInteger round = new AtomicInteger(1);
        HttpServer feedServer = serve(feeds, items, round, changed);
        StackOptions options = Ports.onFreePorts(StackOptions.defaults(data)).withProperties(Map.of(
                "civicspace.ingest.fetch.allow-private-hosts", "127.0.0.1",
                // every feed is on one host here; real feeds spread over many
                "civicspace.ingest.fetch.per-host.requests-per-second", "10000",
                "civicspace.ingest.polling.first-poll-spread", "1s",
                "civicspace.ingest.polling.tick", "1s",
                "civicspace.ingest.polling.batch", "1000",
                "civicspace.ingest.polling.concurrency", String.valueOf(CONCURRENCY),
                // the bench is one admin driving the API as hard as it can
                "civicspace.gateway.rate-limits.enabled", "false"));
        err.println("bench feeds: starting the stack (log in " + data.resolve("logs") + ")");
        try (LocalStack stack = LocalStack.start(options, line -> err.println("  " + line))) {
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4, FeedBench::daemon)).build();
            long began = System.nanoTime();
            List<String> ids = register(stack, http, feedServer.getAddress().getPort(), feeds);
            double registering = (System.nanoTime() - began) / 1e9;
            err.printf(Locale.ROOT, "bench feeds: %d feeds registered in %.1f s; polling%n", feeds, registering);
            URI metrics = URI.create("http://127.0.0.1:" + stack.port("monitor-ingest-service") + "/actuator/prometheus");
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

            // the next round: every feed again, the changed ones with one new item among those already seen
            round.set(2);
            err.println("bench feeds: first round done; polling every feed again, " + changed
                    + " % of them with one new item");
            long again = System.nanoTime();
            pollAll(stack, http, ids);
            double secondsAgain = (System.nanoTime() - again) / 1e9;
            String scrape = http.send(HttpRequest.newBuilder(metrics).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            double publishedAgain = sum(scrape, RECEIVED, "source=\"feed\"") - published;
            double feedsPerMinuteAgain = ids.size() / secondsAgain * 60;
            double itemsPerSecondAgain = publishedAgain / secondsAgain;
            long peakRssMb = PipelineBench.peakRssKb() / 1024;
            out.printf(Locale.ROOT, "%-28s %12s%n", "measure", "value");
            out.printf(Locale.ROOT, "%-28s %12d%n", "feeds", feeds);
            out.printf(Locale.ROOT, "%-28s %12d%n", "items per feed", items);
            out.printf(Locale.ROOT, "%-28s %12.1f%n", "registering: seconds", registering);
            out.printf(Locale.ROOT, "%-28s %12.0f%n", "feeds polled", polled);
            out.printf(Locale.ROOT, "%-28s %12.1f%n", "seconds", seconds);
            out.printf(Locale.ROOT, "%-28s %12.0f%n", "feeds per minute", feedsPerMinute);
            out.printf(Locale.ROOT, "%-28s %12.0f%n", "new items published", published);
            out.printf(Locale.ROOT, "%-28s %12.1f%n", "new items per second", itemsPerSecond);
            out.printf(Locale.ROOT, "%-28s %12.1f%n", "minutes for 10,000 feeds", 10_000 / feedsPerMinute);
            out.printf(Locale.ROOT, "%-28s %12.1f%n", "round 2: seconds", secondsAgain);
            out.printf(Locale.ROOT, "%-28s %12.0f%n", "round 2: feeds per minute", feedsPerMinuteAgain);
            out.printf(Locale.ROOT, "%-28s %12.0f%n", "round 2: new items", publishedAgain);
            out.printf(Locale.ROOT, "%-28s %12.1f%n", "round 2: new items per s", itemsPerSecondAgain);
            out.printf(Locale.ROOT, "%-28s %12.1f%n", "round 2: min for 10,000", 10_000 / feedsPerMinuteAgain);
            out.printf(Locale.ROOT, "%-28s %12d%n", "peak RSS of the stack (MB)", peakRssMb);
            if (json) {
                out.printf(Locale.ROOT, "{\"feeds\":%d,\"items\":%d,\"registering_seconds\":%.1f,\"feeds_polled\":%.0f,"
                        + "\"seconds\":%.1f,\"feeds_per_minute\":%.1f,\"items_published\":%.0f,\"items_per_s\":%.1f,"
                        + "\"round2_seconds\":%.1f,\"round2_feeds_per_minute\":%.1f,\"round2_items_published\":%.0f,"
                        + "\"round2_items_per_s\":%.1f,\"peak_rss_mb\":%d}%n",
                        feeds, items, registering, polled, seconds, feedsPerMinute, published, itemsPerSecond,
                        secondsAgain, feedsPerMinuteAgain, publishedAgain, itemsPerSecondAgain, peakRssMb);
            }
            return polled >= feeds ? 0 : 1;
        } finally {
            feedServer.stop(0);
        }
    }

    /** Registers the feeds through the gateway as an administrator, a thousand to a request; answers their ids. */
    private static List<String> register(LocalStack stack, HttpClient http, int feedPort, int feeds) throws Exception {
        String admin = stack.token("bench-admin", "admin");
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < feeds; from += 1_000) {
            StringBuilder batch = new StringBuilder("[");
            for (int i = from; i < Math.min(feeds, from + 1_000); i++) {
                batch.append(i == from ? "" : ",").append("{\"url\": \"http://127.0.0.1:").append(feedPort)
                        .append("/feeds/").append(i).append(".xml\", \"pollIntervalMinutes\": 15}");
            }
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/feeds/batch"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(batch.append(']').toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || !answer.body().contains("\"rejected\":0")) {
                throw new IOException("registering feeds failed: " + answer.statusCode() + " "
                        + answer.body().substring(0, Math.min(500, answer.body().length())));
            }
            Matcher id = FEED_ID.matcher(answer.body());
            while (id.find()) {
                ids.add(id.group(1));
            }
        }
        if (ids.size() != feeds) {
            throw new IOException("registered " + feeds + " feeds but got " + ids.size() + " ids back");
        }
        return ids;
    }

    /** Polls every feed now through {@code POST /api/v1/feeds/{id}/poll}, as many at a time as the scheduler would. */
    private static void pollAll(LocalStack stack, HttpClient http, List<String> ids) throws Exception {
        String admin = stack.token("bench-admin", "admin");
        Semaphore inFlight = new Semaphore(CONCURRENCY);
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
     * distinct, and from round 2 on the first {@code changed} per cent of the feeds have one more.
     * It answers a conditional GET for an unchanged feed with 304.
     */
    private static HttpServer serve(int feeds, int items, AtomicInteger round, int changed) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(4, FeedBench::daemon));
        server.createContext("/feeds/", exchange -> {
            int feed = Integer.parseInt(exchange.getRequestURI().getPath().substring("/feeds/".length()).replace(".xml", ""));
            int more = round.get() > 1 && feed * 100L < (long) changed * feeds ? 1 : 0;
            String etag = "\"" + feed + "-" + (items + more) + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            byte[] body = feed(feed, items + more).getBytes(StandardCharsets.UTF_8);
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

    /** Threads that do not keep the JVM alive once the bench has printed its figures. */
    private static Thread daemon(Runnable work) {
        Thread thread = new Thread(work, "bench-feeds");
        thread.setDaemon(true);
        return thread;
    }

    private static double sum(String scrape, String metric, String mustContain) {
        return scrape.lines()
                .filter(line -> line.startsWith(metric) && (mustContain == null || line.contains(mustContain)))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
