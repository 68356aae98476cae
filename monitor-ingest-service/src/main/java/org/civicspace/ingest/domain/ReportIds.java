package org.civicspace.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable report ids: the same identifying parts always give the same id. */
public final class ReportIds {

    private ReportIds() {
    }

    /** An id such as {@code r-3f2a…} (96 bits of SHA-256 over the parts, each length-prefixed). */
    public static String of(String... parts) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (String part : parts) {
            byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
            // the length prefix keeps ("ab","c") and ("a","bc") apart
            sha256.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) ':');
            sha256.update(bytes);
        }
        byte[] digest = sha256.digest();
        return "r-" + HexFormat.of().formatHex(digest, 0, 12);
    }
}
