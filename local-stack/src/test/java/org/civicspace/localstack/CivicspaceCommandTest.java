package org.civicspace.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;

class CivicspaceCommandTest {

    @TempDir
    Path data;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsOnlyATokenSignedWithTheDataFoldersKey() throws Exception {
        assertThat(run("token", "--role", "analyst", "--data", data.toString())).isZero();

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines()).hasSize(1);
        SignedJWT jwt = SignedJWT.parse(printed.strip());
        assertThat(jwt.verify(new RSASSAVerifier(publicKey(data.resolve("keys/jwt-public.pem"))))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("demo-analyst");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("analyst");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isAfter(Instant.now().plusSeconds(11 * 3600));
    }

    @Test
    void makesTheKeyPairOnceAndKeepsThePrivateHalfToItsOwner() throws Exception {
        run("token", "--role", "partner", "--user", "ngo-1", "--data", data.toString());
        String firstKey = Files.readString(data.resolve("keys/jwt-public.pem"));
        run("token", "--role", "editor", "--data", data.toString());

        assertThat(Files.readString(data.resolve("keys/jwt-public.pem"))).isEqualTo(firstKey);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("keys/jwt-private.pem"))))
                .isEqualTo("rw-------");
    }

    @Test
    void refusesAnUnknownRoleOrAMissingOneAndSaysWhichExist() {
        assertThat(run("token", "--role", "superuser", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("partner, analyst, advocacy, editor, admin");
        assertThat(run("token", "--data", data.toString())).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void evaluatesTheClassifierOnAGoldFile() throws Exception {
        Path gold = data.resolve("gold.jsonl");
        Files.writeString(gold, "{\"id\": \"g1\", \"language\": \"en\", \"title\": \"Activist detained in Almaty\","
                + " \"text\": \"Police in Almaty, Kazakhstan, detained a human rights activist.\", \"country\": \"KZ\","
                + " \"other_countries\": [], \"freedoms\": [], \"violation_types\": [\"hrd_detained\"], \"urgency\": \"urgent\"}\n");

        assertThat(run("evaluate", "--gold", gold.toString(), "--json")).isZero();

        String last = out.toString(StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).startsWith("{").contains("\"items\":1", "\"country_accuracy\":1.0");
        assertThat(run("evaluate")).isEqualTo(2);
    }

    @Test
    void benchmarksTheClassifierAndEndsWithItsFiguresAsJson() {
        // one short in-process iteration: this checks the command, not the speed
        assertThat(run("bench", "classifier", "--forks", "0", "--warmups", "0", "--iterations", "1", "--seconds", "1",
                "--json")).isZero();

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("{")
                .contains("\"classifier_docs_per_s\":", "\"scan_docs_per_s\":", "\"classifier_ratio\":");
        assertThat(run("bench", "nothing")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("feeds or classifier");
    }

    private int run(String... args) {
        return Civicspace.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static RSAPublicKey publicKey(Path pem) throws Exception {
        byte[] der = Base64.getMimeDecoder().decode(Files.readString(pem).replaceAll("-----[A-Z ]+-----", ""));
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }
}
