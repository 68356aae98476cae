package org.civicspace.events;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Test support: the events, their schemas and examples, as the contract's files name them. */
final class Contract {

    /** A plain Jackson 3 mapper, as a consumer with no customisation would have it. */
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One event of the contract: its file stem, record and topic. */
    record Event(String stem, Class<? extends Record> type, String topic) {

        String schemaResource() {
            return "schemas/" + stem + ".v1.schema.json";
        }
    }

    static final List<Event> EVENTS = List.of(
            new Event("report-received", ReportReceived.class, Topics.REPORT_RECEIVED),
            new Event("report-classified", ReportClassified.class, Topics.REPORT_CLASSIFIED),
            new Event("alert-raised", AlertRaised.class, Topics.ALERT_RAISED),
            new Event("incident-changed", IncidentChanged.class, Topics.INCIDENT_CHANGED));

    /** Every taxonomy enum; {@code WireNameTest} checks that none is missing. */
    static final List<Class<? extends Enum<?>>> WIRE_ENUMS = List.of(Sensitivity.class, Freedom.class,
            ViolationType.class, Urgency.class, PersonRole.class, SourceKind.class, CivicusRating.class, EntityKind.class);

    /** Examples are named {@code <event>.v1.json} or {@code <event>.v1.<variant>.json}. */
    static final Pattern EXAMPLE_NAME = Pattern.compile("([a-z-]+)\\.v1(\\.[a-z0-9-]+)?\\.json");

    // Set-valued fields: the records hold them in Set.copyOf, whose iteration order is unspecified.
    private static final Set<String> SET_FIELDS = Set.of("freedoms", "violationTypes");

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // Draft 2020-12 makes `format` an annotation only; we want uuid, date-time and uri checked.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private Contract() {
    }

    static List<String> wireNames(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> ((WireName) c).wireName()).toList();
    }

    static Event event(String stem) {
        return EVENTS.stream().filter(e -> e.stem().equals(stem)).findFirst()
                .orElseThrow(() -> new AssertionError("no event named '" + stem + "'"));
    }

    /** The event an example file is of, by its name. */
    static Event eventOf(Path example) {
        Matcher name = EXAMPLE_NAME.matcher(example.getFileName().toString());
        if (!name.matches()) {
            throw new AssertionError(example.getFileName() + " does not follow <event>.v1[.<variant>].json");
        }
        return event(name.group(1));
    }

    /** Validation messages of {@code json} against the event's schema; empty when valid. */
    static List<String> validate(Event event, String json) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(event.schemaResource(),
                resource -> FACTORY.getSchema(SchemaLocation.of("classpath:" + resource), CONFIG));
        return schema.validate(json, InputFormat.JSON).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    static List<Path> examples() {
        return list("examples", ".json");
    }

    static List<Path> schemaFiles() {
        return list("schemas", ".schema.json");
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(Path file) {
        return JSON.readTree(read(file));
    }

    static JsonNode schemaTree(Event event) {
        try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(event.schemaResource())) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The tree as the contract means it: a null field is the same as an absent one, and the order
     * of a set-valued array is not significant.
     */
    static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            node.properties().stream()
                    .filter(p -> !p.getValue().isNull())
                    .forEach(p -> out.set(p.getKey(), SET_FIELDS.contains(p.getKey())
                            ? sorted(p.getValue()) : canonical(p.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.values().forEach(v -> out.add(canonical(v)));
            return out;
        }
        return node;
    }

    private static JsonNode sorted(JsonNode array) {
        ArrayNode out = JSON.createArrayNode();
        array.values().stream().sorted(Comparator.comparing(JsonNode::asString)).forEach(out::add);
        return out;
    }

    private static List<Path> list(String folder, String suffix) {
        URL url = Contract.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new AssertionError("no " + folder + "/ on the class path");
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return new ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
