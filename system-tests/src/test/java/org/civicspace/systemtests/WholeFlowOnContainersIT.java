package org.civicspace.systemtests;

import java.io.IOException;
import java.nio.file.Path;

import org.civicspace.localstack.Ports;
import org.civicspace.localstack.StackOptions;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same flow on a real {@code apache/kafka} broker and a real MongoDB, as
 * {@code civicspace up --kafka … --mongo …} runs it. Needs Docker; skipped, saying so, without it.
 */
@Testcontainers(disabledWithoutDocker = true)
class WholeFlowOnContainersIT extends WholeFlowScenario {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Override
    StackOptions options(Path data) throws IOException {
        return Ports.onFreePorts(StackOptions.defaults(data))
                .withExternalKafka(KAFKA.getBootstrapServers())
                .withExternalMongo(MONGO.getConnectionString());
    }
}
