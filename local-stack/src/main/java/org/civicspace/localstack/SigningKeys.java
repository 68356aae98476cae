package org.civicspace.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The RSA key pair that signs tokens on one machine. Created once in the data folder; the
 * gateway and the services read only the public half.
 */
final class SigningKeys {

    static final String ISSUER = "civicspace-local";
    static final List<String> ROLES = List.of("partner", "analyst", "advocacy", "editor", "admin");

    private final Path privateKeyFile;
    private final Path publicKeyFile;

    private SigningKeys(Path folder) {
        this.privateKeyFile = folder.resolve("jwt-private.pem");
        this.publicKeyFile = folder.resolve("jwt-public.pem");
    }

    /** The keys under {@code dataDir/keys}, made there first if they are not yet. */
    static SigningKeys in(Path dataDir) throws IOException {
        SigningKeys keys = new SigningKeys(dataDir.resolve("keys"));
        if (!Files.exists(keys.privateKeyFile) || !Files.exists(keys.publicKeyFile)) {
            keys.create();
        }
        return keys;
    }

    Path publicKeyFile() {
        return publicKeyFile;
    }

    /** A signed RS256 token for {@code user} with one role, valid for {@code lifetime}. */
    String token(String user, String role, Duration lifetime) throws IOException {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role '" + role + "'; roles are " + String.join(", ", ROLES));
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(user)
                .claim("roles", List.of(role))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token with " + privateKeyFile, e);
        }
        return jwt.serialize();
    }

    private RSAPrivateKey privateKey() throws IOException {
        String pem = Files.readString(privateKeyFile, StandardCharsets.US_ASCII);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IOException(privateKeyFile + " does not hold an RSA private key", e);
        }
    }

    private void create() throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has RSA", e);
        }
        Files.createDirectories(privateKeyFile.getParent());
        Files.writeString(privateKeyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(privateKeyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions keeps its defaults
        }
        Files.writeString(publicKeyFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
