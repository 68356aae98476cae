package org.civicspace.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.civicspace.events.Contract.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The schemas and the records describe the same wire format, and the schemas reject bad input. */
class SchemaTest {

    /** Which record each object of a schema is, by JSON pointer; the top level is the event itself. */
    private static final Map<String, Class<? extends Record>> OBJECTS = Map.of(
            "/$defs/Report", Report.class,
            "/$defs/Hints", Hints.class,
            "/$defs/Person", Person.class,
            "/$defs/Source", Source.class,
            "/$defs/Classification", Classification.class,
            "/$defs/Tag", Tag.class,
            "/$defs/Evidence", Evidence.class,
            "/$defs/Entity", Entity.class);

    @Test
    void everySchemaFileIsTheSchemaOfOneEvent() {
        assertThat(Contract.schemaFiles()).extracting(f -> f.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(
                        Contract.EVENTS.stream().map(e -> Path.of(e.schemaResource()).getFileName().toString()).toList());
        for (Event event : Contract.EVENTS) {
            JsonNode schema = Contract.schemaTree(event);
            assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("$id").asString()).endsWith("/" + event.stem() + ".v1.schema.json");
        }
    }

    @Test
    void recordsBuiltInJavaSerialiseToJsonThatValidates() {
        Report report = new Report("Picket dispersed in Bishkek", "Police dispersed a picket of five people.", "en",
                Instant.parse("2025-04-02T09:15:00Z"), "Bishkek", "P-7", "https://example.org/item/7",
                new Hints("KG", Set.of(Freedom.PEACEFUL_ASSEMBLY, Freedom.EXPRESSION)),
                List.of(new Person("Ainura Osmonalieva", PersonRole.PROTESTER, true),
                        new Person("Temir Bakirov", null, false)));
        Classification classification = new Classification("en", "KG", List.of("KZ"),
                Set.of(Freedom.PEACEFUL_ASSEMBLY), Set.of(ViolationType.PROTEST_BANNED_OR_DISRUPTED,
                        ViolationType.PROTESTER_DETAINED), Urgency.HIGH,
                List.of(new Tag("violation", "protest_banned_or_disrupted", 0.8, false,
                        List.of(new Evidence("text", 7, 23, "dispersed a picket")))), "rules-test",
                List.of(new Entity(EntityKind.PLACE, "Bishkek", List.of(new Evidence("title", 20, 27, "Bishkek"))),
                        new Entity(EntityKind.ORGANISATION, "Police", null)));
        // Instant.now() has sub-millisecond digits: the schema's date-time must accept them.
        Instant now = Instant.now();

        assertValid(new ReportReceived(UUID.randomUUID(), now, "rep-1", Sensitivity.RESTRICTED,
                Source.partner("partner.alatoo"), report, null));
        assertValid(new ReportClassified(UUID.randomUUID(), now, "rep-1", Sensitivity.RESTRICTED,
                Source.partner("partner.alatoo"), report, "rep-0", classification));
        assertValid(new AlertRaised(UUID.randomUUID(), now, "alr-1", "rep-1", "sub-1", "analyst.one",
                Sensitivity.PUBLIC, "KG", Urgency.HIGH, Set.of(Freedom.PEACEFUL_ASSEMBLY),
                Set.of(ViolationType.PROTESTER_DETAINED), "Kyrgyzstan: picket dispersed in Bishkek"));
        assertValid(new AlertRaised(UUID.randomUUID(), now, "inc-1:sub-1", "rep-1", "sub-1", "analyst.one",
                Sensitivity.PUBLIC, "KG", Urgency.HIGH, Set.of(), Set.of(), "Kyrgyzstan: picket dispersed in Bishkek",
                "inc-1", 3, "resolved", 4));
        assertValid(new IncidentChanged(UUID.randomUUID(), now, "inc-1", "KG", IncidentChanged.RESOLVED, Urgency.HIGH,
                Sensitivity.RESTRICTED, Set.of(Freedom.PEACEFUL_ASSEMBLY), Set.of(ViolationType.PROTESTER_DETAINED),
                List.of("rep-0", "rep-1"), 2, now.minusSeconds(3600), now, 3));
    }

    @Test
    void recordsWithOnlyTheirRequiredPartsSerialiseToJsonThatValidates() {
        Report bare = new Report("Title", "Text", null, null, null, null, null, null, null);
        Classification nothingFound = new Classification(null, Classification.NO_COUNTRY, null, null, null,
                Urgency.NOT_RELEVANT, null, null);

        assertValid(new ReportReceived(UUID.randomUUID(), Instant.now(), "rep-2", Sensitivity.PUBLIC,
                Source.feed("feed-1"), bare, null));
        assertValid(new ReportClassified(UUID.randomUUID(), Instant.now(), "rep-2", Sensitivity.PUBLIC,
                Source.feed("feed-1"), bare, null, nothingFound));
        assertValid(new AlertRaised(UUID.randomUUID(), Instant.now(), "alr-2", "rep-2", "sub-2", "advocacy.one",
                Sensitivity.CONFIDENTIAL, "ZZ", Urgency.URGENT, null, null, "A new report is waiting."));
        assertValid(new IncidentChanged(UUID.randomUUID(), Instant.now(), "inc-2", "ZZ", IncidentChanged.OPEN,
                Urgency.ROUTINE, Sensitivity.PUBLIC, null, null, List.of("rep-2"), 1, null, null, 1));
    }

    @Test
    void everyRecordComponentIsASchemaPropertyAndEveryPropertyARecordComponent() {
        for (Event event : Contract.EVENTS) {
            JsonNode schema = Contract.schemaTree(event);
            Map<String, Class<? extends Record>> objects = new HashMap<>(OBJECTS);
            objects.put("", event.type());
            objects.forEach((pointer, type) -> {
                JsonNode object = schema.at(pointer);
                if (!object.isMissingNode()) {
                    assertThat(object.path("properties").propertyNames())
                            .as("%s in %s", type.getSimpleName(), event.schemaResource())
                            .containsExactlyInAnyOrderElementsOf(wireFields(type));
                }
            });
        }
    }

    @Test
    void everyEnumsWireNamesAreExactlyTheSchemasEnum() {
        Map<String, Integer> seen = new HashMap<>();
        for (Event event : Contract.EVENTS) {
            JsonNode defs = Contract.schemaTree(event).path("$defs");
            for (Class<? extends Enum<?>> type : Contract.WIRE_ENUMS) {
                JsonNode def = defs.path(type.getSimpleName());
                if (!def.isMissingNode()) {
                    assertThat(def.path("enum").values()).extracting(JsonNode::asString)
                            .as("%s in %s", type.getSimpleName(), event.schemaResource())
                            .containsExactlyElementsOf(Contract.wireNames(type));
                    seen.merge(type.getSimpleName(), 1, Integer::sum);
                }
            }
        }
        // CivicusRating is the export API's, on no v1 event.
        assertThat(seen.keySet()).containsExactlyInAnyOrder(
                "Sensitivity", "Freedom", "ViolationType", "Urgency", "PersonRole", "SourceKind", "EntityKind");
    }

    @Test
    void aDefinitionSharedBySeveralSchemasIsTheSameInEach() {
        Map<String, JsonNode> first = new HashMap<>();
        for (Event event : Contract.EVENTS) {
            Contract.schemaTree(event).path("$defs").properties().forEach(def -> {
                JsonNode earlier = first.putIfAbsent(def.getKey(), def.getValue());
                assertThat(def.getValue()).as("$defs/%s in %s", def.getKey(), event.schemaResource())
                        .isEqualTo(earlier == null ? def.getValue() : earlier);
            });
        }
    }

    static Stream<Arguments> brokenExamples() {
        return Stream.of(
                broken("report-received.v1.json", "a sensitivity outside the taxonomy",
                        e -> e.put("sensitivity", "secret"), "$.sensitivity", "\"confidential\""),
                broken("report-received.v1.json", "no reportId",
                        e -> e.remove("reportId"), "$: required property 'reportId'"),
                broken("report-received.v1.json", "no report title",
                        e -> report(e).remove("title"), "$.report", "title"),
                broken("report-received.v1.json", "a lower-case hinted country",
                        e -> ((ObjectNode) report(e).get("hints")).put("country", "kz"), "$.report.hints.country",
                        "^[A-Z]{2}$"),
                broken("report-received.v1.json", "an instant that is not ISO-8601",
                        e -> e.put("occurredAt", "14/03/2025 05:02"), "$.occurredAt", "date-time"),
                broken("report-received.v1.json", "an eventId that is not a UUID",
                        e -> e.put("eventId", "42"), "$.eventId", "uuid"),
                broken("report-received.v1.ru-confidential.json", "a person without the protected flag",
                        e -> ((ObjectNode) ((ArrayNode) report(e).get("persons")).get(0)).remove("protected"),
                        "$.report.persons[0]", "protected"),
                broken("report-received.v1.ru-confidential.json", "a partner source without its partner",
                        e -> ((ObjectNode) e.get("source")).putNull("submittedBy"), "$.source.submittedBy"),
                broken("report-classified.v1.json", "a lower-case country",
                        e -> ((ObjectNode) e.get("classification")).put("country", "kz"),
                        "$.classification.country", "^[A-Z]{2}$"),
                broken("report-classified.v1.json", "a violation type outside the taxonomy",
                        e -> ((ArrayNode) e.get("classification").get("violationTypes")).add("arrested"),
                        "$.classification.violationTypes", "hrd_detained"),
                broken("alert-raised.v1.json", "a lower-case country",
                        e -> e.put("country", "kz"), "$.country", "^[A-Z]{2}$"),
                broken("alert-raised.v1.json", "an urgency outside the taxonomy",
                        e -> e.put("urgency", "critical"), "$.urgency", "\"not_relevant\""),
                broken("alert-raised.v1.json", "an incident status outside open and resolved",
                        e -> e.put("status", "closed"), "$.status", "\"resolved\""),
                broken("alert-raised.v1.json", "no source at all",
                        e -> e.put("corroboration", 0), "$.corroboration", "1"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("brokenExamples")
    void aBrokenExampleIsRejectedWithAMessageNamingTheFieldAndTheRule(
            String example, String fault, Consumer<ObjectNode> breakIt, List<String> expected) {
        Path file = Contract.examples().stream().filter(f -> f.getFileName().toString().equals(example))
                .findFirst().orElseThrow();
        ObjectNode tree = (ObjectNode) Contract.tree(file);
        breakIt.accept(tree);

        List<String> messages = Contract.validate(Contract.eventOf(file), Contract.JSON.writeValueAsString(tree));

        assertThat(messages).as(fault).anySatisfy(m -> assertThat(m).contains(expected));
    }

    private static Arguments broken(String example, String fault, Consumer<ObjectNode> breakIt, String... expected) {
        return Arguments.of(example, fault, breakIt, List.of(expected));
    }

    private static ObjectNode report(ObjectNode event) {
        return (ObjectNode) event.get("report");
    }

    private static void assertValid(Record event) {
        Event contract = Contract.EVENTS.stream().filter(e -> e.type() == event.getClass()).findFirst().orElseThrow();
        String json = Contract.JSON.writeValueAsString(event);

        assertThat(Contract.validate(contract, json)).as(json).isEmpty();
        assertThat(Contract.JSON.readValue(json, contract.type())).isEqualTo(event);
    }

    private static List<String> wireFields(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(SchemaTest::wireField).toList();
    }

    private static String wireField(RecordComponent component) {
        // jackson-annotations 2.x cannot target a record component, so javac puts it on the accessor.
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed == null ? component.getName() : renamed.value();
    }
}
