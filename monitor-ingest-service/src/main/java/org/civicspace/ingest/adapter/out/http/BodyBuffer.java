package org.civicspace.ingest.adapter.out.http;

import java.io.ByteArrayOutputStream;

/** Collects a body's bytes as they arrive and stops taking them once they pass the limit. */
final class BodyBuffer {

    private final long limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long received;

    BodyBuffer(long limit) {
        this.limit = limit;
    }

    /** Keeps {@code chunk} and answers true, or answers false (keeping nothing more) once the limit is passed. */
    boolean append(byte[] chunk) {
        received += chunk.length;
        if (received > limit) {
            return false;
        }
        bytes.write(chunk, 0, chunk.length);
        return true;
    }

    boolean overLimit() {
        return received > limit;
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }
}
