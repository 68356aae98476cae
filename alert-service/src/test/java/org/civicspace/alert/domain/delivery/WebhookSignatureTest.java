package org.civicspace.alert.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"alert\":\"a-1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTheTimestampADotAndTheBodyAsOpensslDoes() {
        // printf '%s' '1700000000.{"alert":"a-1"}' | openssl dgst -sha256 -hmac 'hook-secret'
        assertThat(WebhookSignature.sign("hook-secret", 1_700_000_000L, BODY))
                .isEqualTo("sha256=a3edc0cbda8f551104de0aea6f86e3258beac2b620f469ff62853cfd7f250003");
    }

    @Test
    void verifiesItsOwnSignatureWithinTheTolerance() {
        String signature = WebhookSignature.sign("hook-secret", 1_700_000_000L, BODY);

        assertThat(WebhookSignature.verify("hook-secret", 1_700_000_000L, BODY, signature, 1_700_000_120L, 300))
                .isTrue();
    }

    @Test
    void refusesAnotherBodyAnotherSecretAnotherTimestampOrAnOldRequest() {
        String signature = WebhookSignature.sign("hook-secret", 1_700_000_000L, BODY);
        byte[] changed = "{\"alert\":\"a-2\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSignature.verify("hook-secret", 1_700_000_000L, changed, signature, 1_700_000_000L, 300))
                .isFalse();
        assertThat(WebhookSignature.verify("other-secret", 1_700_000_000L, BODY, signature, 1_700_000_000L, 300))
                .isFalse();
        assertThat(WebhookSignature.verify("hook-secret", 1_700_000_001L, BODY, signature, 1_700_000_001L, 300))
                .isFalse();
        assertThat(WebhookSignature.verify("hook-secret", 1_700_000_000L, BODY, signature, 1_700_000_301L, 300))
                .isFalse();
        assertThat(WebhookSignature.verify("hook-secret", 1_700_000_000L, BODY, null, 1_700_000_000L, 300)).isFalse();
    }

    @Test
    void neverSignsWithAnEmptySecret() {
        assertThatThrownBy(() -> WebhookSignature.sign("", 1L, BODY)).isInstanceOf(IllegalArgumentException.class);
    }
}
