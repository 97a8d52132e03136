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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One node of the {@link ClusterFixture}: the PostgreSQL build of the assembled home started as operators start it
 * ({@code kc.sh start --optimized}), with Infinispan clustered over jdbc-ping on 127.0.0.1, and stopped by PID (the
 * kc.sh shell and its Java child), as {@link KeycloakServer} does.
 */
public final class ClusterNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    /**
     * Where a node listens and which key file it reads; ports distinct from the H2 server (8080/9000). JGroups' failure
     * detection listens on {@code jgroupsPort + 50000}, so that port stays below 15536.
     */
    public record Spec(String name, int httpPort, int managementPort, int jgroupsPort, Path keyFile) {
        public Spec withKeyFile(Path other) {
            return new Spec(name, httpPort, managementPort, jgroupsPort, other);
        }
    }

    private final Spec spec;
    private final Path log;
    private final Process process;

    private ClusterNode(Spec spec, Path log, Process process) {
        this.spec = spec;
        this.log = log;
        this.process = process;
    }

    /** Starts the node and returns once its management {@code /health/ready} answers 200. */
    static ClusterNode start(Path home, PostgresDatabase database, Spec spec, boolean importRealm, Path workDir)
            throws IOException, InterruptedException {
        refuseBusyPort(spec.httpPort());
        refuseBusyPort(spec.managementPort());
        Path log = workDir.resolve("keycloak-" + spec.name() + ".log");
        List<String> command = new ArrayList<>(List.of(
                "bash",
                "bin/kc.sh",
                "start",
                "--optimized",
                "--http-port=" + spec.httpPort(),
                "--http-management-port=" + spec.managementPort(),
                // conf/keycloak.conf pins db=dev-file; an optimized start stops when a build-time option differs
                // from what the build persisted, so the command line overrides it here as it did at build time
                "--db=postgres",
                "--db-url=" + database.jdbcUrl(),
                "--db-username=" + PostgresDatabase.USER,
                "--db-password=" + PostgresDatabase.PASSWORD,
                // cache is a run-time option in 26.7: the command line overrides conf/keycloak.conf's cache=local
                "--cache=ispn",
                "--cache-embedded-network-bind-address=127.0.0.1",
                "--cache-embedded-network-bind-port=" + spec.jgroupsPort(),
                "--spi-cache-embedded--default--node-name=" + spec.name(),
                "--spi-ciamkit-envelope--keyfile--key-file=" + spec.keyFile()));
        if (importRealm) {
            command.add("--import-realm");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", KeycloakServer.ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", KeycloakServer.ADMIN_PASSWORD);
        Instant started = Instant.now();
        ClusterNode node = new ClusterNode(spec, log, builder.start());
        Runtime.getRuntime().addShutdownHook(new Thread(node::close));
        node.awaitReady();
        System.out.printf(
                "CIAM Kit cluster ITs: node %s ready in %d s on %s (log: %s)%n",
                spec.name(), Duration.between(started, Instant.now()).toSeconds(), node.baseUrl(), log);
        return node;
    }

    public Spec spec() {
        return spec;
    }

    public String baseUrl() {
        return "http://localhost:" + spec.httpPort();
    }

    public String managementUrl() {
        return "http://localhost:" + spec.managementPort();
    }

    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private void awaitReady() throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "node " + spec.name() + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(managementUrl() + "/health/ready"))
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
        throw new IllegalStateException("node " + spec.name() + " not ready after " + START_TIMEOUT + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
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
        }
    }

    private static void refuseBusyPort(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            throw new IllegalStateException("Port " + port + " is busy; stop the server listening there first");
        } catch (IOException free) {
            // nothing listens: good
        }
    }
}
