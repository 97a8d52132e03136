package dev.ciamkit.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentifierHasherTest {

    private final byte[] p1 = TestKeys.random32();
    private final IdentifierHasher hasher = new IdentifierHasher(KeyRing.of(Map.of("p1", p1), "p1", "HmacSHA256"));

    @Test
    void hashes_the_same_value_the_same_way_and_hides_it() {
        String hash = hasher.hash("rrn", "900101-1234567");

        assertThat(hasher.hash("rrn", "900101-1234567")).isEqualTo(hash);
        assertThat(hash).startsWith("h1.p1.").doesNotContain("900101");
        assertThat(hasher.matches(hash, "rrn", "900101-1234567")).isTrue();
        assertThat(hasher.matches(hash, "rrn", "900101-1234568")).isFalse();
    }

    @Test
    void separates_purposes() {
        assertThat(hasher.hash("phone", "01012345678")).isNotEqualTo(hasher.hash("account", "01012345678"));
    }

    @Test
    void depends_on_the_pepper() {
        IdentifierHasher other =
                new IdentifierHasher(KeyRing.of(Map.of("p1", TestKeys.random32()), "p1", "HmacSHA256"));

        assertThat(other.hash("rrn", "x")).isNotEqualTo(hasher.hash("rrn", "x"));
    }

    @Test
    void matches_and_finds_hashes_made_before_a_pepper_rotation() {
        String old = hasher.hash("passport", "M12345678");
        IdentifierHasher rotated =
                new IdentifierHasher(KeyRing.of(Map.of("p1", p1, "p2", TestKeys.random32()), "p2", "HmacSHA256"));

        assertThat(rotated.matches(old, "passport", "M12345678")).isTrue();
        assertThat(rotated.candidates("passport", "M12345678")).hasSize(2).contains(old);
        assertThat(rotated.candidates("passport", "M12345678").get(0)).startsWith("h1.p2.");
    }

    @Test
    void does_not_match_malformed_or_unknown_hashes() {
        assertThat(hasher.matches(null, "rrn", "x")).isFalse();
        assertThat(hasher.matches("garbage", "rrn", "x")).isFalse();
        assertThat(hasher.matches("h1.p9.AAAA", "rrn", "x")).isFalse();
    }
}
