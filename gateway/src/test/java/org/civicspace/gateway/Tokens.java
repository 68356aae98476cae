package org.civicspace.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** RS256 tokens as {@code ./civicspace token} makes them, signed by a key pair of the test's own. */
final class Tokens {

    final KeyPair keys = rsa();

    /** Writes the public half where the gateway reads it; answers the location. */
    String publicKeyLocation() {
        try {
            Path file = Files.createTempFile("gateway-test", ".pem");
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
            return "file:" + file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid token of a caller of its own (a fresh subject), with these roles. */
    String of(String... roles) {
        return signed(keys, Map.of("sub", "caller-" + UUID.randomUUID(), "roles", List.of(roles)),
                Instant.now().plusSeconds(600));
    }

    /** A valid token of {@code subject}, with these roles. */
    String ofSubject(String subject, String... roles) {
        return signed(keys, Map.of("sub", subject, "roles", List.of(roles)), Instant.now().plusSeconds(600));
    }

    static String signed(KeyPair keys, Map<String, Object> claims, Instant expires) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                .issueTime(Date.from(expires.minusSeconds(3600))).expirationTime(Date.from(expires));
        claims.forEach(set::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), set.build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
