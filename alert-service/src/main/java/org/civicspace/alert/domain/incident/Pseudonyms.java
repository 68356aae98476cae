package org.civicspace.alert.domain.incident;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of names (HMAC-SHA256 with a configured secret): incidents compare people by
 * hashed name tokens, so no name is stored, and a protected person is shown by a pseudonym that
 * stays the same for every spelling of their name, yet cannot be turned back into it without the
 * secret.
 */
public final class Pseudonyms {

    private final SecretKeySpec key;

    public Pseudonyms(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the pseudonym secret must have at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The key with each token replaced by its keyed hash: comparable, not readable. */
    public NameKey hide(NameKey name) {
        Set<String> hashed = new TreeSet<>();
        for (String token : name.tokens()) {
            hashed.add(hash(token).substring(0, 16));
        }
        return new NameKey(hashed);
    }

    /** The stable pseudonym of a person, such as {@code Person-7F3A9C}; the same for every spelling. */
    public String pseudonymOf(String name) {
        return "Person-" + hash(String.join(" ", NameKey.of(name).tokens())).substring(0, 6).toUpperCase();
    }

    private String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
