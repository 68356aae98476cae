package org.civicspace.localstack.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.civicspace.classification.benchmark.BenchCommand;
import org.civicspace.classification.domain.Classifier;
import org.civicspace.events.ReportClassified;
import org.civicspace.events.ReportReceived;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Source;
import org.civicspace.events.Topics;
import org.civicspace.localstack.LocalStack;
import org.civicspace.localstack.Ports;
import org.civicspace.localstack.StackOptions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code civicspace bench [pipeline]}: on one stack (embedded, or on the given Kafka and MongoDB),
 * in one run, Kafka alone beside the whole pipeline — throughput at saturation and end-to-end
 * latency at half of it — and the peak resident memory; plain {@code bench} adds the classifier's
 * JMH benchmark. See local-stack/README.md for what each figure means and how it is counted.
 */
public final class PipelineBench {

    static final String ALERT_GROUP = "alert";
    static final String EXPORT_GROUP = "export";
    private static final String ALERT_METRIC = "civicspace_alert_incidents_recorded_total";
    private static final String ARCHIVE_METRIC = "civicspace_export_reports_archived_total";
    private static final int BATCH = 500;
    private static final int BATCHES_IN_FLIGHT = 2;
    private static final int WARM_UP = 2 * BenchReports.COUNTRY_CODES.size();
    /** Only a safety net: on a machine shared with busy builds the first reports have taken minutes. */
    private static final Duration WARM_UP_WITHIN = Duration.ofMinutes(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String USAGE = "usage: civicspace bench [pipeline] [--reports N] [--seconds S] [--json]"
            + " [--report FILE.html] [--kafka HOST:PORT] [--mongo URI]";

    private final Options options;
    private final PrintStream err;
    private final HttpClient http;
    private final JsonMapper json = JSON;

    private PipelineBench(Options options, PrintStream err) {
        this.options = options;
        this.err = err;
        ExecutorService executor = Executors.newFixedThreadPool(4, work -> {
            Thread thread = new Thread(work, "bench-http");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** What to run: {@code reports} through the pipeline at saturation, {@code seconds} for each latency run. */
    record Options(int reports, int seconds, boolean json, Path report, String kafka, String mongo) {

        static Options parse(Deque<String> words) {
            int reports = 2_000;
            int seconds = 20;
            boolean json = false;
            Path report = Path.of("target", "bench-report.html");
            String kafka = null;
            String mongo = null;
            while (!words.isEmpty()) {
                String word = words.pop();
                switch (word) {
                    case "--reports" -> reports = positive(word, value(word, words));
                    case "--seconds" -> seconds = positive(word, value(word, words));
                    case "--json" -> json = true;
                    case "--report" -> report = Path.of(value(word, words));
                    case "--kafka" -> kafka = value(word, words);
                    case "--mongo" -> mongo = value(word, words);
                    default -> throw new IllegalArgumentException("unknown option '" + word + "' for bench; " + USAGE);
                }
            }
            return new Options(reports, seconds, json, report, kafka, mongo);
        }

        private static String value(String option, Deque<String> words) {
            if (words.isEmpty() || words.peek().startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return words.pop();
        }

        private static int positive(String option, String value) {
            try {
                int number = Integer.parseInt(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException notANumber) {
                // said below
            }
            throw new IllegalArgumentException(option + " needs a whole number above 0, not '" + value + "'");
        }
    }

    /** What one run measured, for the table, the JSON line and the HTML report. */
    record Outcome(Map<String, Object> figures, Latencies.Summary kafka, Latencies.Summary pipeline,
            List<Series> rawSeries, List<Series> pipelineSeries, Map<String, String> notes) {
    }

    /**
     * Runs {@code bench pipeline} ({@code withClassifier} false) or plain {@code bench} (true: the
     * classifier's benchmark after the stack has stopped); answers the exit status.
     */
    public static int run(Deque<String> words, PrintStream out, PrintStream err, boolean withClassifier)
            throws Exception {
        Options options = Options.parse(words);
        Outcome outcome = new PipelineBench(options, err).measure();
        Map<String, Object> figures = outcome.figures();
        if (withClassifier) {
            err.println("bench: the classifier's benchmark (JMH, in a forked JVM)");
            ByteArrayOutputStream classifierOut = new ByteArrayOutputStream();
            int exit = BenchCommand.run(new String[] {"--json"}, new PrintStream(classifierOut, true, StandardCharsets.UTF_8),
                    err);
            List<String> lines = classifierOut.toString(StandardCharsets.UTF_8).lines().toList();
            if (exit != 0 || lines.isEmpty()) {
                err.println("bench: the classifier's benchmark failed; its figures are left out");
            } else {
                figures = BenchFigures.withClassifier(figures, BenchFigures.parse(lines.get(lines.size() - 1)));
            }
        }
        Path page = options.report().toAbsolutePath();
        BenchPage.write(page, new Outcome(figures, outcome.kafka(), outcome.pipeline(), outcome.rawSeries(),
                outcome.pipelineSeries(), outcome.notes()));
        err.println("bench: report written to " + page);
        outcome.notes().forEach((key, value) -> err.printf(Locale.ROOT, "  %-34s %s%n", key, value));
        BenchFigures.table(figures, out);
        if (options.json()) {
            out.println(BenchFigures.jsonLine(figures));
        }
        return figures.get(BenchFigures.PIPELINE) == null || figures.get(BenchFigures.RAW_KAFKA) == null ? 1 : 0;
    }

    private Outcome measure() throws Exception {
        Path data = Files.createTempDirectory("civicspace-bench");
        System.setProperty("civicspace.logs", data.resolve("logs").toString());
        // one partner sending as hard as it can: the gateway's per-partner limit would refuse most of it
        StackOptions stackOptions = Ports.onFreePorts(StackOptions.defaults(data))
                .withProperties(Map.of("civicspace.gateway.rate-limits.enabled", "false"));
        if (options.kafka() != null) {
            stackOptions = stackOptions.withExternalKafka(options.kafka());
        }
        if (options.mongo() != null) {
            stackOptions = stackOptions.withExternalMongo(options.mongo());
        }
        err.println("bench: starting the stack (log in " + data.resolve("logs") + ")");
        try {
            return measure(stackOptions);
        } finally {
            // the broker's log and the store of a run are of no use afterwards, and can be large; the log stays
            for (String folder : List.of("kafka", "mongo")) {
                deleteTree(data.resolve(folder));
            }
        }
    }

    private Outcome measure(StackOptions stackOptions) throws Exception {
        Map<String, String> notes = new LinkedHashMap<>();
        try (LocalStack stack = LocalStack.start(stackOptions, line -> err.println("  " + line));
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
                AlertStream alerts = AlertStream.open(http, stack)) {
            BenchReports reports = new BenchReports(System.nanoTime(), Instant.now());
            String partner = stack.token("bench-partner", "partner");

            err.println("bench: warming up with " + WARM_UP + " reports");
            List<BenchReport> warmUp = take(reports, WARM_UP);
            List<String> warmIds = submitBatches(stack, partner, warmUp);
            if (!alerts.awaitAll(warmIds, WARM_UP_WITHIN)) {
                Counts sinceStart = new Counts(admin, false);
                throw new IllegalStateException("the warm-up's " + warmIds.size() + " reports raised " + alerts.count(warmIds)
                        + " alerts on the stream within " + WARM_UP_WITHIN.toMinutes() + " minutes (" + alerts.total() + " in all); the broker shows "
                        + sinceStart.received() + " received, " + sinceStart.classified() + " classified, "
                        + sinceStart.alerted() + " alert-evaluated, " + sinceStart.archived() + " archived; GET /alerts: "
                        + stored(stack));
            }
            int partitions = partitions(admin, Topics.REPORT_CLASSIFIED);
            notes.put("partitions", partitions + " (" + Topics.REPORT_CLASSIFIED + ")");

            // Kafka alone: the same records the pipeline moves, as they are on its topics
            List<RawKafka.Record> records = records(take(reports, 64));
            notes.put("raw record bytes (average)", String.valueOf((int) records.stream()
                    .mapToInt(r -> r.value().length).average().orElse(0)));
            Series rawSeries = new Series("records consumed");
            double rawRate;
            Latencies kafkaLatencies;
            try (RawKafka raw = new RawKafka(admin, stack.kafkaBootstrapServers(), partitions, records)) {
                err.println("bench: Kafka alone, as fast as it goes, " + options.seconds() + " s");
                AtomicLong consumed = new AtomicLong();
                try (AutoCloseable sampling = Series.everySecond(List.of(rawSeries), List.of(consumed::get))) {
                    rawRate = raw.throughput(Duration.ofSeconds(options.seconds()), consumed);
                }
                err.printf(Locale.ROOT, "bench: Kafka alone moved %.0f records/s; now at half that for %d s%n", rawRate,
                        options.seconds());
                kafkaLatencies = raw.latency(rawRate / 2, Duration.ofSeconds(options.seconds()));
            }

            // the pipeline at saturation
            List<BenchReport> batch = take(reports, options.reports());
            Counts counts = new Counts(admin);
            List<Series> pipelineSeries = List.of(new Series("accepted by ingest"), new Series("classified"),
                    new Series("alert-evaluated"), new Series("archived"));
            // the consumers commit a whole poll's records at once: their services' counters show the pace between commits
            long alertedBefore = metric(stack, "alert-service", ALERT_METRIC, null);
            long archivedBefore = metric(stack, "civicus-export-service", ARCHIVE_METRIC, "outcome=\"failed\"");
            err.println("bench: " + batch.size() + " reports through the batch API, " + BATCH + " a request, "
                    + BATCHES_IN_FLIGHT + " requests at a time");
            double pipelineRate;
            long began = System.nanoTime();
            try (AutoCloseable sampling = Series.everySecond(pipelineSeries,
                    List.<LongSupplier>of(counts::received, counts::classified,
                            () -> metric(stack, "alert-service", ALERT_METRIC, null) - alertedBefore,
                            () -> metric(stack, "civicus-export-service", ARCHIVE_METRIC, "outcome=\"failed\"")
                                    - archivedBefore))) {
                List<String> ids = submitBatches(stack, partner, batch);
                long deadline = began + TimeUnit.SECONDS.toNanos(120 + options.reports());
                while ((counts.alerted() < ids.size() || counts.archived() < ids.size()) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                long done = Math.min(counts.alerted(), counts.archived());
                pipelineRate = done / ((System.nanoTime() - began) / 1e9);
                notes.put("pipeline: reports accepted", String.valueOf(ids.size()));
                for (Series stage : pipelineSeries) {
                    int at = stage.secondsToReach(ids.size());
                    notes.put("pipeline: all " + stage.name() + " after", at < 0 ? "never (" + stage.last() + ")" : at + " s");
                }
                notes.put("pipeline: archived and alert-evaluated", String.valueOf(done));
                if (done < ids.size()) {
                    notes.put("pipeline: NOT complete", "gave up waiting; the rate counts what was done");
                }
            }
            err.printf(Locale.ROOT, "bench: the pipeline took %.1f reports/s; now at half that for %d s%n",
                    pipelineRate, options.seconds());

            // the pipeline at half its saturation: submit -> the alert on a subscriber's stream
            Latencies pipelineLatencies = new Latencies();
            double half = Math.max(0.5, pipelineRate / 2);
            List<BenchReport> paced = take(reports, (int) Math.max(5, Math.min(5_000, half * options.seconds())));
            Paced outcome = submitPaced(stack, partner, paced, half, alerts, pipelineLatencies);
            notes.put("pipeline latency: reports", String.valueOf(paced.size()));
            notes.put("pipeline latency: submissions refused", String.valueOf(outcome.refused()));
            notes.put("pipeline latency: alerts missing", String.valueOf(outcome.missing()));

            long peakRssMb = peakRssKb() / 1024;
            notes.put("uptime load average", loadAverage());
            Latencies.Summary kafka = kafkaLatencies.summary();
            Latencies.Summary pipeline = pipelineLatencies.summary();
            Map<String, Object> figures = BenchFigures.pipeline(rawRate, pipelineRate, kafka.p99(), pipeline.p99(),
                    peakRssMb);
            return new Outcome(figures, kafka, pipeline, List.of(rawSeries), pipelineSeries, notes);
        }
    }

    /** The sum of a counter's series in a service's Prometheus scrape, leaving out those with {@code except}. */
    private long metric(LocalStack stack, String service, String name, String except) {
        try {
            String scrape = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.port(service)
                    + "/actuator/prometheus")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return (long) scrape.lines().filter(line -> line.startsWith(name) && (except == null || !line.contains(except)))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + service + "'s metrics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The bench analyst's stored alerts, in short: for a message when the stream missed some. */
    private String stored(LocalStack stack) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/alerts"))
                    .header("Authorization", "Bearer " + stack.token("bench-analyst", "analyst")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() + ", " + json.readTree(answer.body()).size() + " alerts";
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static List<BenchReport> take(BenchReports reports, int count) {
        List<BenchReport> taken = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            taken.add(reports.next());
        }
        return taken;
    }

    /** Submits as NDJSON batches, a few requests at a time; answers the ids accepted. */
    private List<String> submitBatches(LocalStack stack, String partner, List<BenchReport> reports) throws Exception {
        Semaphore inFlight = new Semaphore(BATCHES_IN_FLIGHT);
        List<CompletableFuture<List<String>>> answers = new ArrayList<>();
        for (int from = 0; from < reports.size(); from += BATCH) {
            String body = reports.subList(from, Math.min(reports.size(), from + BATCH)).stream().map(BenchReport::json)
                    .collect(Collectors.joining("\n"));
            inFlight.acquire();
            answers.add(http.sendAsync(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/reports/batch"))
                            .header("Authorization", "Bearer " + partner).header("Content-Type", "application/x-ndjson")
                            .timeout(Duration.ofMinutes(10))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((answer, failure) -> inFlight.release())
                    .thenApply(this::acceptedIds));
        }
        List<String> ids = new ArrayList<>();
        for (CompletableFuture<List<String>> answer : answers) {
            ids.addAll(answer.get());
        }
        return ids;
    }

    private List<String> acceptedIds(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the batch API answered " + answer.statusCode() + ": "
                    + answer.body().substring(0, Math.min(300, answer.body().length())));
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode line : json.readTree(answer.body()).path("results")) {
            if (line.path("status").asString("").equals("accepted")) {
                ids.add(line.path("id").asString());
            }
        }
        return ids;
    }

    /**
     * Submits one report at a time through {@code POST /api/v1/reports}, {@code perSecond} a second,
     * evenly, each timed from when it was due; answers how many submissions were refused and how
     * many accepted reports' alerts never came.
     */
    private Paced submitPaced(LocalStack stack, String partner, List<BenchReport> reports, double perSecond,
            AlertStream alerts, Latencies latencies) throws Exception {
        Map<String, Long> dueById = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        long began = System.nanoTime();
        double interval = 1e9 / perSecond;
        for (int k = 0; k < reports.size(); k++) {
            long due = began + (long) (k * interval);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            sent.add(http.sendAsync(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/reports"))
                            .header("Authorization", "Bearer " + partner).header("Content-Type", "application/json")
                            .timeout(Duration.ofMinutes(2))
                            .POST(HttpRequest.BodyPublishers.ofString(reports.get(k).json())).build(),
                    HttpResponse.BodyHandlers.ofString())
                    .thenAccept(answer -> {
                        if (answer.statusCode() == 202) {
                            dueById.put(json.readTree(answer.body()).path("id").asString(), due);
                        }
                    }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        alerts.awaitAll(dueById.keySet(), Duration.ofSeconds(60));
        int missing = 0;
        for (Map.Entry<String, Long> submitted : dueById.entrySet()) {
            Long arrived = alerts.arrival(submitted.getKey());
            if (arrived == null) {
                missing++;
            } else {
                latencies.record(arrived - submitted.getValue());
            }
        }
        return new Paced(reports.size() - dueById.size(), missing);
    }

    /** The paced phase: submissions not accepted (not 202), and accepted reports whose alert never came. */
    private record Paced(int refused, int missing) {
    }

    /** Our records as the pipeline's topics hold them: each report's {@code ReportReceived} and {@code ReportClassified}. */
    private List<RawKafka.Record> records(List<BenchReport> reports) {
        Classifier classifier = Classifier.fromClasspath();
        List<RawKafka.Record> records = new ArrayList<>();
        for (BenchReport report : reports) {
            String id = "r-" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
            ReportReceived received = new ReportReceived(UUID.randomUUID(), Instant.now(), id,
                    Sensitivity.fromWire(report.sensitivity()), Source.partner("bench-partner"), report.toReport(), null);
            ReportClassified classified = new ReportClassified(UUID.randomUUID(), Instant.now(), id,
                    received.sensitivity(), received.source(), received.report(), null, classifier.classify(
                            new org.civicspace.classification.domain.Document(report.title(), report.text(),
                                    report.language(), report.toReport().hints())));
            records.add(new RawKafka.Record(id, json.writeValueAsBytes(received)));
            records.add(new RawKafka.Record(classified.classification().country(), json.writeValueAsBytes(classified)));
        }
        return records;
    }

    private static int partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().size();
    }

    /**
     * How far the pipeline got, from the broker: records on the two topics, and the offsets the
     * alert and export consumer groups committed on the classified topic (a record's offset is
     * committed only after the service handled it: alert-evaluated, archived). Counted from the
     * values at construction, so a broker with history counts only this run.
     */
    static final class Counts {

        private final Admin admin;
        private final long receivedAtStart;
        private final long classifiedAtStart;
        private final long alertedAtStart;
        private final long archivedAtStart;

        Counts(Admin admin) throws Exception {
            this(admin, true);
        }

        /** Counts from now ({@code fromNow}) or from the broker's beginning. */
        Counts(Admin admin, boolean fromNow) throws Exception {
            this.admin = admin;
            this.receivedAtStart = fromNow ? end(Topics.REPORT_RECEIVED) : 0;
            this.classifiedAtStart = fromNow ? end(Topics.REPORT_CLASSIFIED) : 0;
            this.alertedAtStart = fromNow ? committed(ALERT_GROUP) : 0;
            this.archivedAtStart = fromNow ? committed(EXPORT_GROUP) : 0;
        }

        long received() {
            return unchecked(() -> end(Topics.REPORT_RECEIVED) - receivedAtStart);
        }

        long classified() {
            return unchecked(() -> end(Topics.REPORT_CLASSIFIED) - classifiedAtStart);
        }

        long alerted() {
            return unchecked(() -> committed(ALERT_GROUP) - alertedAtStart);
        }

        long archived() {
            return unchecked(() -> committed(EXPORT_GROUP) - archivedAtStart);
        }

        private long end(String topic) throws Exception {
            int partitions = partitions(admin, topic);
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        }

        private long committed(String group) throws Exception {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.REPORT_CLASSIFIED)
                    && e.getValue() != null).mapToLong(e -> e.getValue().offset()).sum();
        }

        private static long unchecked(CheckedCount count) {
            try {
                return count.get();
            } catch (Exception e) {
                throw new IllegalStateException("could not read the broker's counts", e);
            }
        }

        private interface CheckedCount {
            long get() throws Exception;
        }
    }

    /** The peak resident memory of this JVM (VmHWM), in KiB; -1 where /proc is not. */
    public static long peakRssKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmHWM:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(-1);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException unknown) {
            return "unknown";
        }
    }
}
