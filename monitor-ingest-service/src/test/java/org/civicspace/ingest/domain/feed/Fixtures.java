package org.civicspace.ingest.domain.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The feed fixtures under src/test/resources/feeds, as the bytes a server would send. */
final class Fixtures {

    static final Instant FETCHED_AT = Instant.parse("2025-03-08T12:00:00Z");

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A hostile fixture aimed at {@code target}: its {@code {{TARGET}}} replaced, in the fixture's own encoding. */
    static byte[] aimedAt(String name, String target) {
        byte[] raw = bytes(name);
        boolean utf16 = raw.length > 1 && (raw[0] & 0xFF) == 0xFF && (raw[1] & 0xFF) == 0xFE;
        Charset charset = utf16 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8;
        return new String(raw, charset).replace("{{TARGET}}", target).getBytes(charset);
    }

    static ParsedFeed parse(String name) throws FeedRefused {
        return parse(name, null);
    }

    static ParsedFeed parse(String name, String contentType) throws FeedRefused {
        return new FeedParser().parse(bytes(name), contentType, URI.create("https://feeds.example.org/" + name), FETCHED_AT);
    }
}
