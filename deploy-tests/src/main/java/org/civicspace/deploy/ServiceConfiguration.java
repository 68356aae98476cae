package org.civicspace.deploy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civicspace.events.Topics;

/**
 * What one service reads from its environment and which topics it uses, as its own
 * configuration file ({@code <module>.yml}) and the configuration metadata of its libraries say.
 *
 * @param module the Maven module, also the image name ({@code civicspace/<module>})
 * @param port the port it listens on unless told otherwise
 * @param environment the environment variable names it reads: {@code ${NAME:default}} placeholders
 *        in its file, and the relaxed-binding names of every property it or its libraries declare
 * @param environmentPrefixes names below which any variable sets a key of a map or an index of a list
 * @param consumers its consumer bindings
 * @param produces the topics it writes to (dead-letter topics aside)
 */
record ServiceConfiguration(String module, int port, Set<String> environment, Set<String> environmentPrefixes,
        List<Consumer> consumers, Set<String> produces) {

    /** A consumer binding: the topic, the group, and its dead-letter topic (null without one). */
    record Consumer(String topic, String group, String deadLetterTopic) {

        boolean anonymous() {
            return ANONYMOUS_GROUPS.equals(group);
        }
    }

    /**
     * The group prefix of a binding without a group: the binder gives each instance its own
     * {@code anonymous.<uuid>} group, so every instance reads every record (a broadcast).
     */
    static final String ANONYMOUS_GROUPS = "anonymous.";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern DEFAULT = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*:([^}]*)}");

    /** Whether setting this environment variable changes anything the service reads. */
    boolean reads(String variable) {
        return environment.contains(variable)
                || environmentPrefixes.stream().anyMatch(prefix -> variable.startsWith(prefix + "_"));
    }

    /** Every topic it reads or writes, dead-letter topics included. */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>(produces);
        for (Consumer consumer : consumers) {
            topics.add(consumer.topic());
            if (consumer.deadLetterTopic() != null) {
                topics.add(consumer.deadLetterTopic());
            }
        }
        return topics;
    }

    Set<String> groups() {
        Set<String> groups = new TreeSet<>();
        consumers.forEach(consumer -> groups.add(consumer.group()));
        return groups;
    }

    static ServiceConfiguration read(String module, String yml, Collection<ConfigurationMetadata.Property> metadata) {
        Map<String, Object> root = Yaml.document(yml);
        Set<String> environment = new LinkedHashSet<>();
        Set<String> prefixes = new LinkedHashSet<>();
        Matcher placeholders = PLACEHOLDER.matcher(yml);
        while (placeholders.find()) {
            environment.add(placeholders.group(1));
        }
        flatten("", root, environment, prefixes);
        for (ConfigurationMetadata.Property property : metadata) {
            environment.add(RelaxedNames.environmentName(property.name()));
            if (property.hasChildren()) {
                prefixes.add(RelaxedNames.environmentName(property.name()));
            }
        }
        return new ServiceConfiguration(module, port(module, root), Set.copyOf(environment), Set.copyOf(prefixes),
                consumers(root), producedTopics(root));
    }

    private static int port(String module, Map<String, Object> root) {
        String port = Yaml.string(root, "server.port");
        if (port == null) {
            throw new IllegalArgumentException(module + ".yml sets no server.port");
        }
        Matcher withDefault = DEFAULT.matcher(port);
        return Integer.parseInt(withDefault.matches() ? withDefault.group(1) : port);
    }

    private static void flatten(String prefix, Object node, Set<String> keys, Set<String> prefixes) {
        if (node instanceof Map<?, ?> map) {
            if (map.isEmpty() && !prefix.isEmpty()) {
                // an empty map in the file (on-call: {}) is filled in by deployment
                prefixes.add(RelaxedNames.environmentName(prefix));
            }
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value,
                    keys, prefixes));
        } else if (node instanceof List<?> list) {
            prefixes.add(RelaxedNames.environmentName(prefix));
            keys.add(RelaxedNames.environmentName(prefix));
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), keys, prefixes);
            }
        } else {
            keys.add(RelaxedNames.environmentName(prefix));
        }
    }

    private static List<Consumer> consumers(Map<String, Object> root) {
        List<Consumer> consumers = new ArrayList<>();
        Map<String, Object> kafkaBindings = Yaml.map(root, "spring.cloud.stream.kafka.bindings");
        Yaml.map(root, "spring.cloud.stream.bindings").forEach((name, value) -> {
            String topic = Yaml.string(value, "destination");
            String group = Yaml.string(value, "group");
            if (topic != null && group == null && name.contains("-in-")) {
                consumers.add(new Consumer(topic, ANONYMOUS_GROUPS, null));
            } else if (topic != null && group != null) {
                Object kafka = kafkaBindings.get(name);
                String deadLetter = null;
                if ("true".equals(Yaml.string(kafka, "consumer.enable-dlq"))) {
                    String named = Yaml.string(kafka, "consumer.dlq-name");
                    deadLetter = named != null ? named : Topics.deadLetter(topic, group);
                }
                consumers.add(new Consumer(topic, group, deadLetter));
            }
        });
        return consumers;
    }

    private static Set<String> producedTopics(Map<String, Object> root) {
        Set<String> topics = new TreeSet<>();
        Yaml.map(root, "spring.cloud.stream.bindings").forEach((name, value) -> {
            if (name.contains("-out-") && Yaml.string(value, "destination") != null) {
                topics.add(Yaml.string(value, "destination"));
            }
        });
        return topics;
    }
}
