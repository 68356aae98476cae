package org.civicspace.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real Apache Kafka broker in this JVM: one KRaft node that is both broker and controller,
 * its log under the data folder, so that topics and records survive a restart.
 */
final class EmbeddedKafka implements AutoCloseable {

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    EmbeddedKafka(Path logDir, int port, int controllerPort) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    void start() throws IOException {
        Files.createDirectories(logDir);
        Properties config = config();
        Path configFile = logDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(configFile)) {
            config.store(out, "written by civicspace up; changed on every start");
        }
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(configFile);
        }
        server = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
        server.startup();
    }

    private Properties config() {
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logDir.toAbsolutePath().toString());
        // one node: every internal topic has one replica
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "3");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("num.partitions", "3");
        config.put("group.initial.rebalance.delay.ms", "0");
        // the default 128 MiB dedupe buffer alone would outgrow a small heap
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        config.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "2");
        config.put("auto.create.topics.enable", "true");
        return config;
    }

    private void format(Path configFile) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", configFile.toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Could not format the Kafka log folder " + logDir + ": "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }
}
