package org.civicspace.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** A MongoDB wire-protocol store in this JVM (mongo-java-server), persisted to one H2 file. */
final class EmbeddedMongo implements AutoCloseable {

    private final Path file;
    private final int port;
    private MongoServer server;
    private H2Backend backend;

    EmbeddedMongo(Path file, int port) {
        this.file = file;
        this.port = port;
    }

    String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    void start() throws IOException {
        Files.createDirectories(file.getParent());
        backend = new H2Backend(file.toAbsolutePath().toString());
        server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
    }

    @Override
    public void close() {
        if (server != null) {
            // closing the server closes its backend, which commits the H2 store to disk
            server.shutdown();
            server = null;
        }
    }
}
