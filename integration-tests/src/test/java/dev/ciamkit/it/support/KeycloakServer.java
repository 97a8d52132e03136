package dev.ciamkit.it.support;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The assembled server from distribution/, started as users start it ({@code kc.sh start --optimized
 * --import-realm}) with a fresh H2 database under target/, and stopped by PID (the kc.sh shell and its Java child).
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String BASE_URL = "http://localhost:8080";
    public static final String MANAGEMENT_URL = "http://localhost:9000";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin-it-password";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Path home;
    private final H2Database database;
    private final Path log;
    private final Process process;

    private KeycloakServer(Path home, H2Database database, Path log, Process process) {
        this.home = home;
        this.database = database;
        this.log = log;
        this.process = process;
    }

    public static KeycloakServer start(Path home, Path workDir)
            throws IOException, InterruptedException, java.sql.SQLException {
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No assembled server at " + home + "; build distribution/ first");
        }
        refuseBusyPort(8080);
        refuseBusyPort(9000);
        Path data = workDir.resolve("server-data");
        deleteRecursively(data);
        Files.createDirectories(data);
        Path log = workDir.resolve("keycloak-server.log");
        H2Database database = H2Database.start(data);

        ProcessBuilder builder = new ProcessBuilder(
                        "bash",
                        "bin/kc.sh",
                        "start",
                        "--optimized",
                        "--import-realm",
                        "--http-port=8080",
                        // H2 served over TCP from the test JVM, so tests can read the rows the server writes
                        "--db-url=" + database.jdbcUrl(),
                        "--db-username=" + H2Database.USER,
                        "--db-password=" + H2Database.PASSWORD)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Instant started = Instant.now();
        KeycloakServer server = new KeycloakServer(home, database, log, builder.start());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        server.awaitReady();
        System.out.printf(
                "CIAM Kit ITs: %s ready in %d s from %s (log: %s)%n",
                server.versionLine(), Duration.between(started, Instant.now()).toSeconds(), home, log);
        return server;
    }

    public Path home() {
        return home;
    }

    /** The server's database, for tests that check what is stored. */
    public H2Database database() {
        return database;
    }

    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** The line in which Keycloak names its version, e.g. "Keycloak 26.7.3 on JVM (powered by Quarkus ...)". */
    public String versionLine() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("Keycloak ") && line.contains(" on JVM"))
                .map(line -> line.substring(line.indexOf("Keycloak ")))
                .findFirst()
                .orElse("Keycloak (version line not found)");
    }

    private void awaitReady() throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(MANAGEMENT_URL + "/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak not ready after " + START_TIMEOUT + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            database.close();
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.toHandle().destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : children) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            children.forEach(ProcessHandle::destroyForcibly);
        } finally {
            database.close();
        }
    }

    private static void refuseBusyPort(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            throw new IllegalStateException("Port " + port + " is busy; stop the server listening there first");
        } catch (IOException free) {
            // nothing listens: good
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
