package org.civicspace.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole system on one machine, in one JVM: an embedded Kafka broker and Mongo-wire store
 * (unless external ones are given), then every service and the gateway, each with its own
 * Spring context and port. One JVM rather than one per service keeps the stack within its
 * memory budget: the services share the JIT, the class metadata and one heap.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(120);

    private final StackOptions options;
    private final Consumer<String> progress;
    private final Map<String, ConfigurableApplicationContext> running = new ConcurrentHashMap<>();
    private EmbeddedKafka kafka;
    private EmbeddedMongo mongo;
    private MailCatcher mail;
    private SigningKeys keys;

    private LocalStack(StackOptions options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Starts everything and returns once every service reports healthy. */
    public static LocalStack start(StackOptions options, Consumer<String> progress) throws Exception {
        LocalStack stack = new LocalStack(options, progress);
        try {
            stack.startAll();
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    public String gatewayUrl() {
        return "http://localhost:" + options.gatewayPort();
    }

    public String kafkaBootstrapServers() {
        return options.kafka() != null ? options.kafka() : "127.0.0.1:" + options.kafkaPort();
    }

    /** A signed token for {@code user} with {@code role}, valid for an hour. */
    public String token(String user, String role) throws IOException {
        return keys.token(user, role, Duration.ofHours(1));
    }

    private void startAll() throws Exception {
        // the services must not each reconfigure the logging of the one JVM they share
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        List<ServiceUnit> services = ServiceUnit.all();
        refuseTakenPorts(services);
        keys = SigningKeys.in(options.dataDir());

        if (options.mongoUri() == null) {
            progress.accept("starting MongoDB-compatible store on 127.0.0.1:" + options.mongoPort());
            mongo = new EmbeddedMongo(options.dataDir().resolve("mongo").resolve("civicspace.mv"), options.mongoPort());
            mongo.start();
        }
        if (options.kafka() == null) {
            progress.accept("starting Kafka broker on 127.0.0.1:" + options.kafkaPort());
            kafka = new EmbeddedKafka(options.dataDir().resolve("kafka"), options.kafkaPort(), options.kafkaPort() + 1);
            kafka.start();
        }

        if (!options.properties().containsKey("spring.mail.host") && System.getenv("SPRING_MAIL_HOST") == null) {
            mail = new MailCatcher(options.dataDir().resolve("mail"));
            mail.start();
            progress.accept("catching e-mail on 127.0.0.1:" + mail.port() + " into " + options.dataDir().resolve("mail"));
        }

        ExecutorService starters = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "civicspace-starter");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> started = new ArrayList<>();
            for (ServiceUnit service : services) {
                started.add(starters.submit(() -> {
                    startService(service);
                    return null;
                }));
            }
            for (Future<?> future : started) {
                future.get();
            }
        } finally {
            starters.shutdownNow();
        }
        for (ServiceUnit service : services) {
            awaitHealthy(service);
        }
    }

    private void startService(ServiceUnit service) {
        long began = System.nanoTime();
        progress.accept("starting " + service.name() + " on 127.0.0.1:" + port(service));
        SpringApplication application = service.application().get();
        ConfigurableApplicationContext context = application.run(
                service.arguments(port(service), sharedProperties(service)).toArray(String[]::new));
        running.put(service.name(), context);
        log.info("{} started in {} ms", service.name(), (System.nanoTime() - began) / 1_000_000);
    }

    private Map<String, String> sharedProperties(ServiceUnit service) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.cloud.stream.kafka.binder.brokers", kafkaBootstrapServers());
        properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location",
                "file:" + keys.publicKeyFile().toAbsolutePath());
        if (service.mongoDatabase() != null) {
            properties.put("spring.mongodb.uri", mongoUri(service.mongoDatabase()));
        }
        if (service.name().equals("alert-service") || service.name().equals("civicus-export-service")) {
            properties.putAll(mailAndLinks(service.name()));
        }
        properties.putAll(options.properties());
        if (service.name().equals("gateway")) {
            for (ServiceUnit target : ServiceUnit.all()) {
                String key = switch (target.name()) {
                    case "monitor-ingest-service" -> "ingest-uri";
                    case "classification-service" -> "classification-uri";
                    case "alert-service" -> "alert-uri";
                    case "civicus-export-service" -> "export-uri";
                    default -> null;
                };
                if (key != null) {
                    properties.put("civicspace.gateway." + key, "http://127.0.0.1:" + port(target));
                }
            }
        }
        return properties;
    }

    /**
     * Where the alert and export services' e-mail goes — the catcher, unless {@code spring.mail.host}
     * was given — with links into the web UI's pages; in the demo, who is on call for urgent actions.
     */
    private Map<String, String> mailAndLinks(String service) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (mail != null) {
            properties.put("spring.mail.host", "127.0.0.1");
            properties.put("spring.mail.port", String.valueOf(mail.port()));
        }
        String ui = "http://localhost:" + port("gateway") + "/#";
        if (service.equals("civicus-export-service")) {
            properties.put("civicspace.export.updates.monthly.link", ui + "/updates/");
            return properties;
        }
        properties.put("civicspace.alert.notify.link-base", ui);
        if (options.demo()) {
            properties.put("civicspace.alert.urgent.on-call.default[0].name", "demo-advocacy");
            properties.put("civicspace.alert.urgent.on-call.default[0].email", "demo-advocacy@civicspace.localhost");
        }
        return properties;
    }

    private String mongoUri(String database) {
        return options.mongoUri() == null ? mongo.uri(database) : withDatabase(options.mongoUri(), database);
    }

    /** The URI of {@code database} on the server an external URI names: each service keeps its own database. */
    static String withDatabase(String serverUri, String database) {
        int query = serverUri.indexOf('?');
        String base = query < 0 ? serverUri : serverUri.substring(0, query);
        String parameters = query < 0 ? "" : serverUri.substring(query);
        int hostsStart = base.indexOf("://") + 3;
        int pathStart = base.indexOf('/', hostsStart);
        String hosts = pathStart < 0 ? base : base.substring(0, pathStart);
        return hosts + "/" + database + parameters;
    }

    /** The port of the service named {@code name}, e.g. {@code monitor-ingest-service}. */
    public int port(String name) {
        return ServiceUnit.all().stream().filter(service -> service.name().equals(name)).findFirst()
                .map(this::port).orElseThrow(() -> new IllegalArgumentException("no service named " + name));
    }

    int port(ServiceUnit service) {
        return service.name().equals("gateway") ? options.gatewayPort()
                : options.firstServicePort() + service.defaultPort() - 8081;
    }

    private void refuseTakenPorts(List<ServiceUnit> services) {
        List<Integer> ports = new ArrayList<>();
        services.forEach(service -> ports.add(port(service)));
        if (options.kafka() == null) {
            ports.add(options.kafkaPort());
            ports.add(options.kafkaPort() + 1);
        }
        if (options.mongoUri() == null) {
            ports.add(options.mongoPort());
        }
        for (int port : ports) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException taken) {
                throw new IllegalStateException("port " + port + " on 127.0.0.1 is already in use"
                        + " (is another civicspace running?)");
            }
        }
    }

    private void awaitHealthy(ServiceUnit service) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://127.0.0.1:" + port(service) + "/actuator/health");
        long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    progress.accept(service.name() + " is healthy");
                    return;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(service.name() + " did not report healthy within " + HEALTHY_WITHIN.toSeconds()
                + " s; last answer: " + last);
    }

    /** Stops the services (gateway first), then the broker, then the store. */
    @Override
    public void close() {
        List<ServiceUnit> stopOrder = new ArrayList<>(ServiceUnit.all());
        Collections.reverse(stopOrder);
        for (ServiceUnit service : stopOrder) {
            ConfigurableApplicationContext context = running.remove(service.name());
            if (context != null) {
                try {
                    context.close();
                } catch (RuntimeException e) {
                    log.warn("{} did not stop cleanly", service.name(), e);
                }
            }
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (mongo != null) {
            mongo.close();
            mongo = null;
        }
        if (mail != null) {
            mail.close();
            mail = null;
        }
    }
}
