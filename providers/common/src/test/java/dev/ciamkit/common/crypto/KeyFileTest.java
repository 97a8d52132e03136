package dev.ciamkit.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    private static final Clock DAY_ONE = Clock.fixed(Instant.parse("2026-11-23T10:15:00Z"), ZoneOffset.UTC);
    private static final Clock DAY_TWO = Clock.fixed(Instant.parse("2026-11-24T10:15:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void generates_a_file_that_loads_and_only_its_owner_can_read() throws IOException {
        Path file = dir.resolve("keys/ciamkit-keys.properties");

        KeyFile.generate(file, TestKeys.RANDOM, DAY_ONE);
        KeyMaterial keys = KeyFile.load(file);

        assertThat(keys.envelopeKeys().currentId()).isEqualTo("k20261123T101500");
        assertThat(keys.peppers().currentId()).isEqualTo("p20261123T101500");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void never_overwrites_an_existing_file() throws IOException {
        Path file = dir.resolve("keys.properties");
        KeyFile.generate(file, TestKeys.RANDOM, DAY_ONE);
        String before = Files.readString(file);

        assertThatThrownBy(() -> KeyFile.generate(file, TestKeys.RANDOM, DAY_TWO))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void a_missing_file_is_a_clear_error_that_says_how_to_make_one() {
        Path file = dir.resolve("absent.properties");

        assertThatThrownBy(() -> KeyFile.load(file))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("does not exist")
                .hasMessageContaining("KeyFileTool generate");
    }

    @Test
    void a_broken_file_names_the_file_and_the_problem_but_no_key() throws IOException {
        Path file = dir.resolve("broken.properties");
        Files.writeString(
                file,
                "envelope.current=k1\nenvelope.key.k1=c2hvcnQ=\npepper.current=p1\npepper.key.p1=c2hvcnQ=\n",
                StandardCharsets.UTF_8);

        assertThatThrownBy(() -> KeyFile.load(file))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("5 bytes")
                .hasMessageNotContaining("c2hvcnQ");
    }

    @Test
    void a_file_without_peppers_is_refused() throws IOException {
        Path file = dir.resolve("nopepper.properties");
        Files.writeString(file, "envelope.current=k1\nenvelope.key.k1=" + base64(TestKeys.random32()) + "\n");

        assertThatThrownBy(() -> KeyFile.load(file)).hasMessageContaining("pepper.key.");
    }

    private static String base64(byte[] key) {
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    @Test
    void the_tool_prints_key_ids_but_never_keys() throws IOException {
        Path file = dir.resolve("tool.properties");
        var out = new java.io.ByteArrayOutputStream();
        var previous = System.out;
        System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            KeyFileTool.main(new String[] {"generate-if-missing", file.toString()});
        } finally {
            System.setOut(previous);
        }
        String key = KeyFile.load(file).envelopeKeys().currentId();
        String printed = out.toString(StandardCharsets.UTF_8);

        assertThat(printed).contains(key);
        Set<String> secrets = Set.copyOf(Files.readAllLines(file).stream()
                .filter(line -> line.contains(".key."))
                .map(line -> line.substring(line.indexOf('=') + 1))
                .toList());
        assertThat(secrets)
                .isNotEmpty()
                .allSatisfy(secret -> assertThat(printed).doesNotContain(secret));
    }
}
