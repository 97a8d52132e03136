package dev.ciamkit.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static final byte[] SECRET = "JBSWY3DPEHPK3PXP-seed".getBytes(StandardCharsets.UTF_8);
    private static final String CONTEXT = "otp-seed:credential-1";

    private final byte[] k1 = TestKeys.random32();
    private final byte[] k2 = TestKeys.random32();
    private final Envelope envelope = new Envelope(TestKeys.aes("k1", Map.of("k1", k1)), TestKeys.RANDOM);

    @Nested
    class RoundTrip {

        @Test
        void opens_what_it_sealed() {
            String sealed = envelope.seal(SECRET, CONTEXT);

            assertThat(envelope.open(sealed, CONTEXT)).isEqualTo(SECRET);
        }

        @Test
        void names_the_key_and_never_shows_the_plaintext() {
            String sealed = envelope.seal(SECRET, CONTEXT);

            assertThat(sealed).startsWith("ck1.k1.").doesNotContain("JBSWY3DP");
            assertThat(Envelope.keyIdOf(sealed)).isEqualTo("k1");
        }

        @Test
        void uses_a_fresh_iv_every_time() {
            assertThat(envelope.seal(SECRET, CONTEXT)).isNotEqualTo(envelope.seal(SECRET, CONTEXT));
        }

        @Test
        void seals_an_empty_secret() {
            assertThat(envelope.open(envelope.seal(new byte[0], CONTEXT), CONTEXT))
                    .isEmpty();
        }
    }

    @Nested
    class Tampering {

        @Test
        void rejects_a_flipped_ciphertext_bit() {
            String sealed = envelope.seal(SECRET, CONTEXT);
            byte[] body = Base64.getUrlDecoder().decode(sealed.substring("ck1.k1.".length()));
            body[body.length - 20] ^= 0x01;
            String tampered =
                    "ck1.k1." + Base64.getUrlEncoder().withoutPadding().encodeToString(body);

            assertThatThrownBy(() -> envelope.open(tampered, CONTEXT))
                    .isInstanceOf(CryptoException.class)
                    .hasMessageContaining("failed authentication");
        }

        @Test
        void rejects_a_value_moved_to_another_context() {
            String sealed = envelope.seal(SECRET, CONTEXT);

            assertThatThrownBy(() -> envelope.open(sealed, "otp-seed:credential-2"))
                    .isInstanceOf(CryptoException.class);
        }

        @Test
        void rejects_a_value_relabelled_with_another_key_id() {
            Envelope both = new Envelope(TestKeys.aes("k2", Map.of("k1", k1, "k2", k1)), TestKeys.RANDOM);
            String sealed = both.seal(SECRET, CONTEXT);

            assertThatThrownBy(() -> both.open(sealed.replace("ck1.k2.", "ck1.k1."), CONTEXT))
                    .isInstanceOf(CryptoException.class);
        }

        @Test
        void rejects_malformed_values_with_a_clear_message() {
            assertThatThrownBy(() -> envelope.open("plain text", CONTEXT)).hasMessageContaining("not a sealed value");
            assertThatThrownBy(() -> envelope.open("ck1.k1.%%%", CONTEXT)).hasMessageContaining("base64url");
            assertThatThrownBy(() -> envelope.open("ck1.k1.AAAA", CONTEXT)).hasMessageContaining("too short");
            assertThatThrownBy(() -> envelope.open(null, CONTEXT)).isInstanceOf(CryptoException.class);
        }
    }

    @Nested
    class Keys {

        @Test
        void a_different_key_under_the_same_id_does_not_open() {
            String sealed = envelope.seal(SECRET, CONTEXT);
            Envelope other = new Envelope(TestKeys.aes("k1", Map.of("k1", k2)), TestKeys.RANDOM);

            assertThatThrownBy(() -> other.open(sealed, CONTEXT))
                    .isInstanceOf(CryptoException.class)
                    .hasMessageContaining("failed authentication");
        }

        @Test
        void an_unknown_key_id_is_named_in_the_error() {
            String sealed = envelope.seal(SECRET, CONTEXT);
            Envelope other = new Envelope(TestKeys.aes("k2", Map.of("k2", k2)), TestKeys.RANDOM);

            assertThatThrownBy(() -> other.open(sealed, CONTEXT)).hasMessageContaining("'k1'");
        }

        @Test
        void after_rotation_old_values_open_and_new_ones_use_the_new_key() {
            String old = envelope.seal(SECRET, CONTEXT);
            Envelope rotated = new Envelope(TestKeys.aes("k2", Map.of("k1", k1, "k2", k2)), TestKeys.RANDOM);

            String fresh = rotated.seal(SECRET, CONTEXT);

            assertThat(rotated.open(old, CONTEXT)).isEqualTo(SECRET);
            assertThat(rotated.needsRewrap(old)).isTrue();
            assertThat(Envelope.keyIdOf(fresh)).isEqualTo("k2");
            assertThat(rotated.needsRewrap(fresh)).isFalse();
        }
    }
}
