package org.civicspace.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.awaitility.Awaitility;
import org.civicspace.events.Topics;
import org.civicspace.localstack.LocalStack;
import org.civicspace.localstack.Ports;
import org.civicspace.localstack.StackOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.sun.net.httpserver.HttpServer;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Do no harm, across the whole system. Reports naming protected people — canary names made of
 * random letters, Latin and Cyrillic, that can occur nowhere by chance — and confidential reports
 * carrying canary phrases go in through the partner API, then every way anything leaves the system is
 * read: the {@code AlertRaised} and {@code IncidentChanged} topics, an analyst's live stream, the
 * e-mails and webhook calls of subscriptions and of the urgent-action roster, an update compiled
 * for the period in all six formats (public and internal), what search and the report API answer
 * each role, and the stack's logs at every level they keep. A canary may be found only in the
 * archive, by those allowed to read that report — and it must be found there, so that the test
 * cannot pass because nothing went through.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoNoHarmIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> FORMATS = List.of("md", "html", "json", "csv", "docx", "pdf");

    private final String protectedLatin = name("QWXZVBKJ", "aeiou", "bdfgklmnprstvz");
    private final String protectedCyrillic = name("ЖЩЦФЭЮ", "аеиоуя", "бвгджзклмнпрстфх");
    private final String confidentialPhrase = "cipher " + word("bdfgklmnprstvz", "aeiou", 9) + " ledger";

    private final List<String> streamed = new CopyOnWriteArrayList<>();
    private final List<String> webhookBodies = new CopyOnWriteArrayList<>();
    private HttpServer webhooks;
    private LocalStack stack;
    private Path data;
    private final Path logs = Path.of("target", "stack-logs").toAbsolutePath();

    @BeforeAll
    void start() throws Exception {
        webhooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhooks.createContext("/hook", exchange -> {
            try (exchange) {
                webhookBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        webhooks.start();
        System.setProperty("civicspace.logs", logs.toString());
        data = Files.createTempDirectory("civicspace-canary");
        StackOptions options = Ports.onFreePorts(StackOptions.defaults(data)).withProperties(Map.of(
                "civicspace.alert.webhooks.allow-private-hosts", "127.0.0.1",
                "civicspace.alert.urgent.on-call.default[0].name", "duty-officer",
                "civicspace.alert.urgent.on-call.default[0].email", "duty@civicspace.localhost",
                "civicspace.alert.urgent.on-call.default[0].webhook-url", hook(),
                "civicspace.alert.urgent.on-call.default[0].webhook-secret", "canary-duty-secret-0123456789"));
        stack = LocalStack.start(options, line -> System.out.println("[stack] " + line));
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
        if (webhooks != null) {
            webhooks.stop(0);
        }
    }

    @Test
    void noCanaryLeavesTheSystemExceptThroughTheArchiveToThoseAllowed() throws Exception {
        String analyst = stack.token("analyst-canary", "analyst");
        String partner = stack.token("partner-canary", "partner");
        String otherPartner = stack.token("partner-other", "partner");
        String editor = stack.token("editor-canary", "editor");
        String admin = stack.token("admin-canary", "admin");
        for (String channel : List.of(
                "{\"countries\":[\"KZ\",\"KG\"],\"channel\":\"email\",\"email\":\"aliya@civicspace.localhost\"}",
                "{\"countries\":[\"KZ\",\"KG\"],\"channel\":\"webhook\",\"webhookUrl\":\"" + hook() + "\",\"webhookSecret\":\"canary-test-secret-0123456789\"}")) {
            HttpResponse<String> subscribed = send("POST", "/api/v1/subscriptions", analyst, channel);
            assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        }
        HTTP.sendAsync(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/alerts/stream?country=KZ,KG"))
                        .header("Authorization", "Bearer " + analyst).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(streamed::add));
        Thread.sleep(1_000); // the stream is live before the reports are sent

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String detained = submit(partner, """
                {"title": "Human rights defender %1$s detained in Almaty",
                 "text": "Police in Almaty, Kazakhstan, detained human rights defender %1$s on %2$s after a peaceful picket. Her lawyer has not been allowed to see her.",
                 "language": "en", "sensitivity": "public", "occurredAt": "%2$sT08:00:00Z",
                 "persons": [{"name": "%1$s", "role": "defender", "protected": true}]}
                """.formatted(protectedLatin, today));
        String searched = submit(partner, """
                {"title": "Обыск у журналистки %1$s в Бишкеке",
                 "text": "В Бишкеке сотрудники ГКНБ провели обыск у журналистки %1$s и изъяли её ноутбук; её вызвали на допрос.",
                 "language": "ru", "sensitivity": "public", "occurredAt": "%2$sT09:00:00Z",
                 "persons": [{"name": "%1$s", "role": "journalist", "protected": true}]}
                """.formatted(protectedCyrillic, today));
        String confidential = submit(partner, """
                {"title": "Activist detained in Astana: %1$s",
                 "text": "A source asks that this stay confidential: police detained an activist in Astana, Kazakhstan, and the %1$s was seized.",
                 "language": "en", "sensitivity": "confidential", "occurredAt": "%2$sT10:00:00Z"}
                """.formatted(confidentialPhrase, today));

        // through: the public reports alerted live, by e-mail and by webhook; all three archived
        Awaitility.await("both alerts on the live stream").atMost(Duration.ofSeconds(60))
                .until(() -> streamedAbout(detained) && streamedAbout(searched));
        Awaitility.await("the alert e-mails").atMost(Duration.ofSeconds(60)).until(() -> mails().size() >= 2);
        Awaitility.await("the webhook calls").atMost(Duration.ofSeconds(60)).until(() -> webhookBodies.size() >= 2);
        for (String id : List.of(detained, searched, confidential)) {
            Awaitility.await("report archived").atMost(Duration.ofSeconds(60))
                    .until(() -> get("/api/v1/reports/" + id, admin).statusCode() == 200);
        }
        // and the confidential report through alert evaluation too (its incident revision on the topic)
        Awaitility.await("every report's incident on the topic").atMost(Duration.ofSeconds(60))
                .until(() -> records(Topics.INCIDENT_CHANGED).size() >= 3);

        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("topic " + Topics.ALERT_RAISED, String.join("\n", records(Topics.ALERT_RAISED)));
        outputs.put("topic " + Topics.INCIDENT_CHANGED, String.join("\n", records(Topics.INCIDENT_CHANGED)));
        outputs.put("analyst's live stream", String.join("\n", streamed));
        outputs.put("e-mails (" + mails().size() + ")", String.join("\n", mails()));
        outputs.put("webhook bodies (" + webhookBodies.size() + ")", String.join("\n", webhookBodies));
        outputs.put("alert list, analyst", get("/api/v1/alerts?country=KZ", analyst).body()
                + get("/api/v1/alerts?country=KG", analyst).body());
        outputs.put("urgent actions, advocacy", get("/api/v1/urgent-actions", stack.token("advocacy-canary", "advocacy")).body());
        outputs.put("search, another partner", search(otherPartner));
        outputs.put("confidential report, analyst", get("/api/v1/reports/" + confidential, analyst).body());
        outputs.put("confidential report, another partner", get("/api/v1/reports/" + confidential, otherPartner).body());
        for (String country : List.of("KZ", "KG")) {
            for (boolean internal : List.of(false, true)) {
                String update = compile(editor, country, today, internal);
                for (String format : FORMATS) {
                    outputs.put("update " + country + (internal ? " internal " : " public ") + format,
                            export(editor, update, format));
                }
            }
        }
        outputs.put("logs (" + logs + ")", logs());

        // the places the design allows, which must show the canaries: the archive, to those who may read it
        Map<String, String> allowed = new LinkedHashMap<>();
        allowed.put("public report, analyst", get("/api/v1/reports/" + detained, analyst).body()
                + get("/api/v1/reports/" + searched, analyst).body());
        allowed.put("confidential report, its partner", get("/api/v1/reports/" + confidential, partner).body());
        allowed.put("confidential report, admin", get("/api/v1/reports/" + confidential, admin).body());

        // the archive's search, to staff: public reports in full (names too), never the confidential one
        Map<String, String> archiveReads = new LinkedHashMap<>();
        archiveReads.put("search, analyst", search(analyst));
        archiveReads.put("search, editor", search(editor));

        List<String> names = words(protectedLatin, protectedCyrillic);
        List<String> secret = words(confidentialPhrase);
        List<String> every = Stream.concat(names.stream(), secret.stream()).toList();
        System.out.println("do no harm: hits of " + names.size() + " protected-name and " + secret.size()
                + " confidential canary words");
        Map<String, Integer> leaks = new LinkedHashMap<>();
        outputs.forEach((where, text) -> report(leaks, where, text, every, ""));
        archiveReads.forEach((where, text) -> report(leaks, where, text, secret, " (names allowed)"));
        allowed.forEach((where, text) -> System.out.printf("  %-55s %8d chars  %d hits (allowed)%n", where,
                text.length(), hits(text, every)));

        assertThat(leaks).as("canaries outside the archive").isEmpty();
        assertThat(allowed.get("public report, analyst")).contains(protectedLatin, protectedCyrillic);
        assertThat(archiveReads.get("search, analyst")).contains(protectedLatin);
        assertThat(allowed.get("confidential report, its partner")).contains(confidentialPhrase);
        assertThat(allowed.get("confidential report, admin")).contains(confidentialPhrase);
        // and the outputs were not empty: the alerts, mails, webhooks and updates did carry these reports
        assertThat(outputs.get("topic " + Topics.ALERT_RAISED)).contains(detained, searched);
        assertThat(String.join("\n", webhookBodies)).contains("Almaty").containsPattern("Person-[0-9A-F]{6}");
        assertThat(outputs.get("update KZ public md")).contains("Almaty");
        assertThat(outputs.get("update KZ public md")).containsPattern("Person-[0-9A-F]{6}");
    }

    // --- what leaves the system

    private boolean streamedAbout(String reportId) {
        return streamed.stream().anyMatch(line -> line.startsWith("data:") && line.contains(reportId));
    }

    /** Every record of a topic from its beginning, as text. */
    private List<String> records(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "do-no-harm-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> texts = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long quiet = 0;
            while (quiet < 3) {
                var polled = consumer.poll(Duration.ofSeconds(1));
                quiet = polled.isEmpty() ? quiet + 1 : 0;
                for (ConsumerRecord<byte[], byte[]> record : polled) {
                    StringBuilder text = new StringBuilder(new String(record.value(), StandardCharsets.UTF_8));
                    record.headers().forEach(header -> text.append(' ').append(header.key()).append('=')
                            .append(new String(header.value(), StandardCharsets.UTF_8)));
                    texts.add(text.toString());
                }
            }
        }
        return texts;
    }

    /** The caught e-mails, decoded: subject and every text part, whatever their transfer encoding. */
    private List<String> mails() throws Exception {
        Path folder = data.resolve("mail");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> mails = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
                    mails.add(message.getSubject() + "\n" + textOf(message) + "\n" + Files.readString(file,
                            StandardCharsets.ISO_8859_1));
                }
            }
        }
        return mails;
    }

    private static String textOf(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart parts) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart body = parts.getBodyPart(i);
                text.append(textOf(body)).append('\n');
            }
            return text.toString();
        }
        return "";
    }

    private String search(String token) throws Exception {
        return get("/api/v1/reports?country=KZ", token).body() + get("/api/v1/reports?country=KG", token).body()
                + get("/api/v1/reports?q=cipher", token).body();
    }

    private String compile(String editor, String country, String day, boolean internal) throws Exception {
        HttpResponse<String> compiled = send("POST", "/api/v1/updates", editor, """
                {"country": "%s", "from": "%s", "to": "%s", "internal": %s}""".formatted(country, day, day, internal));
        assertThat(compiled.statusCode()).as(compiled.body()).isEqualTo(201);
        return idIn(compiled.body());
    }

    /** An export as its reader would see the text: docx and pdf read by POI and PDFBox, the rest as UTF-8. */
    private String export(String editor, String update, String format) throws Exception {
        HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl()
                        + "/api/v1/updates/" + update + "/export?format=" + format))
                .header("Authorization", "Bearer " + editor).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).as(format).isEqualTo(200);
        byte[] body = answer.body();
        return switch (format) {
            case "docx" -> {
                try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(body));
                        XWPFWordExtractor words = new XWPFWordExtractor(document)) {
                    yield words.getText();
                }
            }
            case "pdf" -> {
                try (var document = Loader.loadPDF(body)) {
                    yield new PDFTextStripper().getText(document);
                }
            }
            default -> new String(body, StandardCharsets.UTF_8);
        };
    }

    private String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString();
    }

    /** Prints the hits of {@code forbidden} words in one output, and keeps them among the leaks. */
    private static void report(Map<String, Integer> leaks, String where, String text, List<String> forbidden,
            String note) {
        int hits = hits(text, forbidden);
        System.out.printf("  %-55s %8d chars  %d hits%s%n", where, text.length(), hits, note);
        if (hits > 0) {
            leaks.put(where, hits);
        }
    }

    /** The distinctive words of canaries: each part of a name, the random word of a phrase. */
    private static List<String> words(String... canaries) {
        return Stream.of(canaries).flatMap(canary -> Stream.of(canary.split(" ")))
                .filter(word -> !List.of("cipher", "ledger").contains(word)).toList();
    }

    /**
     * Hits of any canary word — each part of a name alone counts, as a name may be split or folded —
     * also where text was escaped for JSON or HTML on its way out.
     */
    private static int hits(String text, List<String> canaryWords) {
        String unescaped = unescape(text);
        return canaryWords.stream().mapToInt(word -> Math.max(count(text, word), count(unescaped, word))).sum();
    }

    private static int count(String text, String part) {
        int found = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            found++;
        }
        return found;
    }

    private static String unescape(String text) {
        Matcher escaped = Pattern.compile("\\\\u([0-9a-fA-F]{4})|&#x([0-9a-fA-F]+);|&#([0-9]+);").matcher(text);
        StringBuilder plain = new StringBuilder();
        while (escaped.find()) {
            int code = escaped.group(1) != null ? Integer.parseInt(escaped.group(1), 16)
                    : escaped.group(2) != null ? Integer.parseInt(escaped.group(2), 16) : Integer.parseInt(escaped.group(3));
            escaped.appendReplacement(plain, Matcher.quoteReplacement(new String(Character.toChars(code))));
        }
        escaped.appendTail(plain);
        return plain.toString();
    }

    // --- helpers

    private String hook() {
        return "http://127.0.0.1:" + webhooks.getAddress().getPort() + "/hook";
    }

    private String submit(String partner, String json) throws Exception {
        HttpResponse<String> answer = send("POST", "/api/v1/reports", partner, json);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return idIn(answer.body());
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, null);
    }

    private HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String idIn(String json) {
        Matcher matcher = ID.matcher(json);
        assertThat(matcher.find()).as("an id in %s", json).isTrue();
        return matcher.group(1);
    }

    /** A name no text holds by chance: two words of random letters, each starting with a capital. */
    private static String name(String capitals, String vowels, String consonants) {
        return capitals.charAt(RANDOM.nextInt(capitals.length())) + word(consonants, vowels, 6) + " "
                + capitals.charAt(RANDOM.nextInt(capitals.length())) + word(consonants, vowels, 7);
    }

    private static String word(String consonants, String vowels, int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            String letters = i % 2 == 0 ? vowels : consonants;
            word.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return word.toString();
    }
}
