package org.civicspace.alert.domain.delivery;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook: {@code sha256=} and the lower-case hex HMAC-SHA256, keyed with the
 * subscription's secret, of {@code <timestamp>.<body>} — the timestamp (Unix seconds, as sent in
 * {@code X-Civicspace-Timestamp}), a dot, and the exact bytes of the body. Signing the timestamp
 * too lets a receiver refuse an old request replayed by someone who captured it.
 */
public final class WebhookSignature {

    /** The prefix naming the algorithm, so that another one can follow without a new header. */
    public static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    /** The header value for this body sent at this time. */
    public static String sign(String secret, long timestampSeconds, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret, timestampSeconds, body));
    }

    /**
     * True when {@code signature} is this body's at this timestamp and the timestamp is no further
     * than {@code toleranceSeconds} from {@code nowSeconds}. Compares in constant time.
     */
    public static boolean verify(String secret, long timestampSeconds, byte[] body, String signature,
            long nowSeconds, long toleranceSeconds) {
        if (signature == null || !signature.startsWith(PREFIX)
                || Math.abs(nowSeconds - timestampSeconds) > toleranceSeconds) {
            return false;
        }
        byte[] expected = sign(secret, timestampSeconds, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(String secret, long timestampSeconds, byte[] body) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook is signed with a secret, and this one is empty");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
