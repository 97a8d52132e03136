package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ciamkit.it.support.KeycloakServerExtension.TestPaths;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The assembled server refuses to start without its key file and says how to make one. The key file is given the way
 * the container image gives it, as the environment variable KC_SPI_CIAMKIT_ENVELOPE__KEYFILE__KEY_FILE.
 */
class KeyFileStartupIT {

    @Test
    void a_missing_key_file_stops_the_server_with_a_clear_message() throws Exception {
        Path work = Files.createDirectories(TestPaths.outputDir().resolve("keyfile-startup"));
        Path missing = work.resolve("no-such-keys.properties");
        Path log = work.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(
                        "bash",
                        "bin/kc.sh",
                        "start",
                        "--optimized",
                        "--http-port=" + freePort(),
                        "--http-management-port=" + freePort())
                .directory(TestPaths.serverDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("KC_SPI_CIAMKIT_ENVELOPE__KEYFILE__KEY_FILE", missing.toString());
        builder.environment().put("JAVA_OPTS_APPEND", "-Dkc.db-url-path=" + Files.createTempDirectory(work, "data-"));

        Process process = builder.start();
        boolean exited = process.waitFor(3, TimeUnit.MINUTES);
        if (!exited) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        assertThat(exited)
                .as("the server gave up instead of running without keys")
                .isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(log))
                .contains("key file " + missing + " does not exist")
                .contains("KeyFileTool generate");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
