package org.civicspace.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.civicspace.events.Contract.Event;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The AsyncAPI document describes the topics, keys, headers and schemas the code uses. */
class AsyncApiTest {

    private static Map<String, Object> asyncApi;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = AsyncApiTest.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            assertThat(in).as("asyncapi.yaml on the class path").isNotNull();
            asyncApi = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(asyncApi).containsEntry("asyncapi", "3.0.0").containsKeys("info", "channels", "operations");
    }

    @Test
    void hasAChannelForEveryTopicConstant() throws IllegalAccessException {
        List<String> addresses = map(asyncApi, "channels").values().stream()
                .map(channel -> (String) ((Map<?, ?>) channel).get("address")).toList();

        assertThat(addresses).containsAll(topicConstants());
        assertThat(addresses).contains(Topics.deadLetter("{topic}", "{group}"));
    }

    @Test
    void everyTopicCarriesItsEventsMessage() {
        Map<String, Object> channels = map(asyncApi, "channels");
        for (Event event : Contract.EVENTS) {
            Map<String, Object> channel = channels.keySet().stream().map(name -> map(channels, name))
                    .filter(c -> event.topic().equals(c.get("address"))).findFirst().orElseThrow();
            List<String> refs = new ArrayList<>();
            collectRefs(channel.get("messages"), refs);

            assertThat(refs).as(event.topic()).containsExactly("#/components/messages/" + event.type().getSimpleName());
        }
    }

    @Test
    void everyMessageDeclaresItsKeyAndTheSensitivityHeader() {
        Map<String, Object> messages = map(map(asyncApi, "components"), "messages");
        Map<String, Object> headers = map(map(map(asyncApi, "components"), "schemas"), "CivicHeaders");

        assertThat(messages).containsOnlyKeys(Contract.EVENTS.stream().map(e -> e.type().getSimpleName()).toList());
        for (String name : messages.keySet()) {
            Map<String, Object> message = map(messages, name);
            assertThat(map(map(map(message, "bindings"), "kafka"), "key")).as(name + " key").isNotEmpty();
            assertThat(map(message, "headers")).containsEntry("$ref", "#/components/schemas/CivicHeaders");
        }
        assertThat(headers.get("required")).isEqualTo(List.of(Topics.SENSITIVITY_HEADER));
        assertThat(map(map(headers, "properties"), Topics.SENSITIVITY_HEADER).get("enum"))
                .isEqualTo(Contract.wireNames(Sensitivity.class));
    }

    @Test
    void referencesEverySchemaFileAndOnlyExistingOnes() {
        List<String> refs = new ArrayList<>();
        collectRefs(asyncApi, refs);
        List<String> fileRefs = refs.stream().filter(ref -> !ref.startsWith("#")).toList();

        assertThat(fileRefs).containsExactlyInAnyOrderElementsOf(
                Contract.EVENTS.stream().map(e -> "./" + e.schemaResource()).toList());
        for (Event event : Contract.EVENTS) {
            assertThat(getClass().getClassLoader().getResource(event.schemaResource())).isNotNull();
        }
    }

    private static List<String> topicConstants() throws IllegalAccessException {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().endsWith("_HEADER")) {
                topics.add((String) field.get(null));
            }
        }
        assertThat(topics).as("topic constants of Topics")
                .containsExactlyInAnyOrderElementsOf(Contract.EVENTS.stream().map(Event::topic).toList());
        return topics;
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> object) {
            object.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    refs.add((String) value);
                } else {
                    collectRefs(value, refs);
                }
            });
        } else if (node instanceof Collection<?> array) {
            array.forEach(item -> collectRefs(item, refs));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).as("parent of " + key).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }
}
