package dev.ciamkit.audit.sink.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mockStatic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.MockedStatic;

class WebhookSignatureTest {

    private static final String SECRET = "k3y-k3y-k3y-k3y-k3y-k3y-k3y-k3y-";
    private static final String TIMESTAMP = "1700000000";
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final byte[] BODY = "{\"seq\":1}\n".getBytes(StandardCharsets.UTF_8);
    private static final Duration WINDOW = WebhookSignature.DEFAULT_WINDOW;

    @Test
    void is_hmac_sha256_over_timestamp_dot_body_in_lower_case_hex() {
        // printf '1700000000.{"seq":1}\n' | openssl dgst -sha256 -hmac 'k3y-k3y-k3y-k3y-k3y-k3y-k3y-k3y-'
        assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, BODY))
                .isEqualTo("v1=3d6236c902814b487e342f6dc19e86431f56df3dbc34e9efd287e43525864ca9");
    }

    @Nested
    class Verification {

        private final String signature = WebhookSignature.sign(SECRET, TIMESTAMP, BODY);

        @Test
        void accepts_its_own_signature() {
            assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, signature, NOW, WINDOW))
                    .isTrue();
        }

        @Test
        void refuses_a_tampered_body() {
            byte[] tampered = "{\"seq\":2}\n".getBytes(StandardCharsets.UTF_8);

            assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, tampered, signature, NOW, WINDOW))
                    .isFalse();
        }

        @Test
        void refuses_a_tampered_timestamp() {
            assertThat(WebhookSignature.verify(SECRET, "1700000001", BODY, signature, NOW, WINDOW))
                    .isFalse();
            // the same instant written differently is not the signed text either
            assertThat(WebhookSignature.verify(SECRET, "01700000000", BODY, signature, NOW, WINDOW))
                    .isFalse();
        }

        @Test
        void refuses_another_secret() {
            assertThat(WebhookSignature.verify(SECRET + "x", TIMESTAMP, BODY, signature, NOW, WINDOW))
                    .isFalse();
        }

        @Test
        void refuses_timestamps_outside_the_replay_window_either_side() {
            assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, signature, NOW.plusSeconds(300), WINDOW))
                    .isTrue();
            assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, signature, NOW.minusSeconds(300), WINDOW))
                    .isTrue();
            assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, signature, NOW.plusSeconds(301), WINDOW))
                    .isFalse();
            assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, signature, NOW.minusSeconds(301), WINDOW))
                    .isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "+1700000000", "1.7e9", "-1", "1700000000 ", "1700000000000"})
        void refuses_malformed_timestamps(String timestamp) {
            assertThat(WebhookSignature.verify(SECRET, timestamp, BODY, signature, NOW, WINDOW))
                    .isFalse();
        }

        @Test
        void refuses_missing_parts() {
            assertThat(WebhookSignature.verify(null, TIMESTAMP, BODY, signature, NOW, WINDOW))
                    .isFalse();
            assertThat(WebhookSignature.verify("", TIMESTAMP, BODY, signature, NOW, WINDOW))
                    .isFalse();
            assertThat(WebhookSignature.verify(SECRET, null, BODY, signature, NOW, WINDOW))
                    .isFalse();
            assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, null, signature, NOW, WINDOW))
                    .isFalse();
            assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, null, NOW, WINDOW))
                    .isFalse();
            assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, "", NOW, WINDOW))
                    .isFalse();
            assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, signature.substring(3), NOW, WINDOW))
                    .isFalse();
        }

        @Test
        void accepts_one_match_among_several_values_and_upper_case_hex() {
            String rotated = WebhookSignature.sign("another-secret-another-secret-00", TIMESTAMP, BODY);

            assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, rotated + ", " + signature, NOW, WINDOW))
                    .isTrue();
            assertThat(WebhookSignature.verify(
                            SECRET,
                            TIMESTAMP,
                            BODY,
                            "v1=" + signature.substring(3).toUpperCase(),
                            NOW,
                            WINDOW))
                    .isTrue();
            assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, rotated, NOW, WINDOW))
                    .isFalse();
        }

        @Test
        void compares_with_the_constant_time_message_digest_check() {
            try (MockedStatic<MessageDigest> digest = mockStatic(MessageDigest.class, CALLS_REAL_METHODS)) {
                String almost = signature.substring(0, signature.length() - 1) + "0";

                WebhookSignature.verify(SECRET, TIMESTAMP, BODY, almost + "," + signature, NOW, WINDOW);

                digest.verify(() -> MessageDigest.isEqual(any(), any()), atLeast(2));
            }
        }
    }
}
