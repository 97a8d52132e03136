package dev.ciamkit.common.crypto;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    @Test
    void refuses_keys_shorter_than_256_bits() {
        assertThatThrownBy(() -> KeyRing.of(Map.of("k1", new byte[16]), "k1", "AES"))
                .hasMessageContaining("16 bytes; 32 (256 bits) are required");
    }

    @Test
    void refuses_a_current_id_that_is_not_in_the_ring() {
        assertThatThrownBy(() -> KeyRing.of(Map.of("k1", TestKeys.random32()), "k9", "AES"))
                .hasMessageContaining("'k9'");
    }

    @Test
    void refuses_key_ids_that_would_break_the_format() {
        assertThatThrownBy(() -> KeyRing.of(Map.of("k.1", TestKeys.random32()), "k.1", "AES"))
                .hasMessageContaining("must match");
    }

    @Test
    void refuses_an_empty_ring() {
        assertThatThrownBy(() -> KeyRing.of(Map.of(), "k1", "AES")).isInstanceOf(CryptoException.class);
    }
}
