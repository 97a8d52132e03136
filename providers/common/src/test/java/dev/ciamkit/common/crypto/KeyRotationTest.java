package dev.ciamkit.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-phase rotation as a rolling restart sees it: each "node" is the key file it was started with. Safe order:
 * add-next, every node restarted on that file, promote, every node restarted again. At each step any two nodes open
 * what the other seals.
 */
class KeyRotationTest {

    private static final Clock DAY_ONE = Clock.fixed(Instant.parse("2026-11-23T10:15:00Z"), ZoneOffset.UTC);
    private static final Clock DAY_TWO = Clock.fixed(Instant.parse("2026-11-24T10:15:00Z"), ZoneOffset.UTC);
    private static final byte[] SEED = {1, 2, 3, 4};

    @TempDir
    Path dir;

    private Path file;
    private Envelope oldNode;

    @BeforeEach
    void a_node_on_the_original_file() throws IOException {
        file = dir.resolve("keys.properties");
        KeyFile.generate(file, TestKeys.RANDOM, DAY_ONE);
        oldNode = node(file);
    }

    @Nested
    class Add_next {

        @Test
        void adds_a_key_that_opens_but_does_not_seal() throws IOException {
            String next = KeyFile.addNext(file, TestKeys.RANDOM, DAY_TWO);
            KeyMaterial keys = KeyFile.load(file);

            assertThat(next).isEqualTo("k20261124T101500");
            assertThat(keys.envelopeKeys().currentId()).isEqualTo("k20261123T101500");
            assertThat(keys.envelopeKeys().nextId()).contains(next);
            assertThat(keys.envelopeKeys().ids()).containsExactlyInAnyOrder("k20261123T101500", next);
            assertThat(Envelope.keyIdOf(node(file).seal(SEED, "ctx"))).isEqualTo("k20261123T101500");
        }

        @Test
        void a_node_on_the_old_file_opens_what_a_node_on_the_add_next_file_seals_and_back() throws IOException {
            KeyFile.addNext(file, TestKeys.RANDOM, DAY_TWO);
            Envelope restarted = node(file);

            assertThat(oldNode.open(restarted.seal(SEED, "ctx"), "ctx")).isEqualTo(SEED);
            assertThat(restarted.open(oldNode.seal(SEED, "ctx"), "ctx")).isEqualTo(SEED);
        }

        @Test
        void refuses_a_second_next_key_before_promote() throws IOException {
            KeyFile.addNext(file, TestKeys.RANDOM, DAY_TWO);
            String before = Files.readString(file);

            assertThatThrownBy(() -> KeyFile.addNext(
                            file, TestKeys.RANDOM, Clock.fixed(Instant.parse("2026-11-25T10:15:00Z"), ZoneOffset.UTC)))
                    .isInstanceOf(CryptoException.class)
                    .hasMessageContaining("promote");
            assertThat(Files.readString(file)).isEqualTo(before);
        }
    }

    @Nested
    class Promote {

        @Test
        void makes_the_next_key_current_and_keeps_the_old_one_opening() throws IOException {
            String old = oldNode.seal(SEED, "ctx");
            String next = KeyFile.addNext(file, TestKeys.RANDOM, DAY_TWO);

            assertThat(KeyFile.promote(file)).isEqualTo(next);
            KeyMaterial keys = KeyFile.load(file);

            assertThat(keys.envelopeKeys().currentId()).isEqualTo(next);
            assertThat(keys.envelopeKeys().nextId()).isEmpty();
            Envelope promoted = node(file);
            assertThat(Envelope.keyIdOf(promoted.seal(SEED, "ctx"))).isEqualTo(next);
            assertThat(promoted.open(old, "ctx")).isEqualTo(SEED);
            assertThat(keys.peppers().currentId()).isEqualTo("p20261123T101500");
        }

        @Test
        void a_node_still_on_the_add_next_file_opens_what_a_promoted_node_seals_and_back() throws IOException {
            KeyFile.addNext(file, TestKeys.RANDOM, DAY_TWO);
            Path addNextCopy = Files.copy(file, dir.resolve("add-next.properties"), StandardCopyOption.COPY_ATTRIBUTES);
            KeyFile.promote(file);
            Envelope notYetRestarted = node(addNextCopy);
            Envelope promoted = node(file);

            assertThat(notYetRestarted.open(promoted.seal(SEED, "ctx"), "ctx")).isEqualTo(SEED);
            assertThat(promoted.open(notYetRestarted.seal(SEED, "ctx"), "ctx")).isEqualTo(SEED);
        }

        @Test
        void is_unsafe_while_a_node_still_runs_on_the_old_file_which_is_why_it_waits() throws IOException {
            KeyFile.addNext(file, TestKeys.RANDOM, DAY_TWO);
            KeyFile.promote(file);

            String sealedByPromoted = node(file).seal(SEED, "ctx");

            assertThatThrownBy(() -> oldNode.open(sealedByPromoted, "ctx"))
                    .isInstanceOf(CryptoException.class)
                    .hasMessageContaining("k20261124T101500");
        }

        @Test
        void without_a_next_key_is_refused() {
            assertThatThrownBy(() -> KeyFile.promote(file))
                    .isInstanceOf(CryptoException.class)
                    .hasMessageContaining("add-next");
        }
    }

    @Test
    void a_next_key_must_be_another_key_of_the_ring() {
        var raw = java.util.Map.of("k1", TestKeys.random32(), "k2", TestKeys.random32());
        assertThatThrownBy(() -> KeyRing.of(raw, "k1", "k1", "AES")).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> KeyRing.of(raw, "k1", "k3", "AES")).isInstanceOf(CryptoException.class);
        assertThat(KeyRing.of(raw, "k1", "k2", "AES").nextId()).contains("k2");
    }

    @Test
    void the_tool_no_longer_rotates_in_one_step() {
        assertThat(KeyFileTool.ROTATE_REMOVED).contains("add-next").contains("promote");
        assertThat(KeyFileTool.describe(file, KeyFile.load(file)))
                .contains("current k20261123T101500")
                .contains("next (none)");
    }

    private static Envelope node(Path keyFile) {
        return KeyFile.load(keyFile).envelope(TestKeys.RANDOM);
    }
}
