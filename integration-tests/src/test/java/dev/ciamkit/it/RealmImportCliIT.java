package dev.ciamkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ciamkit.it.support.KeycloakServerExtension.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The path a CI pipeline takes: {@code kc.sh import --file} of the same realm JSON into a second, clean database, then
 * {@code kc.sh export} to see what the server made of it. Needs no running server.
 */
class RealmImportCliIT {

    @Test
    void the_demo_realm_imports_into_a_clean_server_with_kc_sh_import() throws Exception {
        Path server = TestPaths.serverDir();
        Path work = TestPaths.outputDir().resolve("cli-import");
        Files.createDirectories(work);
        Path data = Files.createTempDirectory(work, "data-");
        Path export = work.resolve("exported-realm.json");
        Files.deleteIfExists(export);

        String importLog = kc(
                server,
                data,
                work.resolve("import.log"),
                "import",
                "--file",
                server.resolve("data/import/ciamkit-demo-realm.json").toString());
        kc(server, data, work.resolve("export.log"), "export", "--realm", "ciamkit-demo", "--file", export.toString());

        assertThat(importLog).contains("Realm 'ciamkit-demo' imported");
        JsonNode realm = new ObjectMapper().readTree(export.toFile());
        assertThat(realm.get("loginTheme").asText()).isEqualTo("ciamkit");
        assertThat(realm.get("defaultLocale").asText()).isEqualTo("ko");
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        JsonNode api = find(realm.get("clients"), "clientId", "ciamkit-api");
        assertThat(api.get("secret").asText())
                .as("environment placeholder resolved to its default")
                .isEqualTo("ciamkit-demo-api-secret");
        assertThat(find(realm.get("users"), "username", "demo")
                        .get("credentials")
                        .get(0)
                        .get("type")
                        .asText())
                .isEqualTo("password");
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (value.equals(node.path(field).asText())) {
                return node;
            }
        }
        throw new AssertionError(field + "=" + value + " not found");
    }

    private static String kc(Path server, Path data, Path log, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "bin/kc.sh"));
        command.addAll(List.of(args));
        command.add("--optimized");
        // Non-server commands still open the management interface; keep clear of the running test server's.
        command.add("--http-management-port=" + freePort());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(server.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_OPTS_APPEND", "-Dkc.db-url-path=" + data);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("kc.sh " + args[0] + " did not finish; see " + log);
        }
        String output = Files.readString(log);
        assertThat(process.exitValue())
                .as("kc.sh %s exit code; log:%n%s", args[0], output)
                .isZero();
        return output;
    }
}
