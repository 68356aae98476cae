package org.civicspace.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to run the stack: where its data lives, which ports it takes, whether to use external
 * Kafka ({@code kafka}, host:port) and MongoDB ({@code mongoUri}) instead of the embedded ones,
 * and {@code properties} given to every service (a benchmark's settings, say).
 */
public record StackOptions(Path dataDir, int gatewayPort, int firstServicePort, int kafkaPort, int mongoPort,
        String kafka, String mongoUri, boolean demo, Map<String, String> properties) {

    public StackOptions {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** The fixed ports of DESIGN.md: gateway 8080, services 8081–8084, Kafka 9092, MongoDB 27017. */
    public static StackOptions defaults(Path dataDir) {
        return new StackOptions(dataDir, 8080, 8081, 9092, 27017, null, null, false, Map.of());
    }

    public StackOptions withDemo(boolean on) {
        return new StackOptions(dataDir, gatewayPort, firstServicePort, kafkaPort, mongoPort, kafka, mongoUri, on,
                properties);
    }

    public StackOptions withExternalKafka(String hostAndPort) {
        return new StackOptions(dataDir, gatewayPort, firstServicePort, kafkaPort, mongoPort, hostAndPort, mongoUri,
                demo, properties);
    }

    public StackOptions withExternalMongo(String uri) {
        return new StackOptions(dataDir, gatewayPort, firstServicePort, kafkaPort, mongoPort, kafka, uri, demo,
                properties);
    }

    public StackOptions withPorts(int gateway, int firstService, int kafkaBroker, int mongo) {
        return new StackOptions(dataDir, gateway, firstService, kafkaBroker, mongo, kafka, mongoUri, demo, properties);
    }

    public StackOptions withProperties(Map<String, String> serviceProperties) {
        return new StackOptions(dataDir, gatewayPort, firstServicePort, kafkaPort, mongoPort, kafka, mongoUri, demo,
                serviceProperties);
    }
}
