package org.civicspace.ingest.domain.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Exact fingerprints. Hashed rather than kept verbatim, so that the index holds no report text
 * and a long URL still fits an index key; prefixed so that a text and a URL never collide.
 */
final class Fingerprints {

    private Fingerprints() {
    }

    /** The fingerprint of already normalised content. */
    static String ofContent(String normalised) {
        return "text:" + sha256(normalised);
    }

    /** The fingerprint of an already normalised URL. */
    static String ofUrl(String normalisedUrl) {
        return "url:" + sha256(normalisedUrl);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
