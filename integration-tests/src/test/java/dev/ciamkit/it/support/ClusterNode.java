package dev.ciamkit.it.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of the {@link ClusterFixture}: the PostgreSQL build of the assembled home started as operators start it
 * ({@code kc.sh start --optimized}), with Infinispan clustered over jdbc-ping on 127.0.0.1, and stopped by PID (the
 * kc.sh shell and its Java child) by a {@link ServerProcess}, as {@link KeycloakServer} is.
 */
public final class ClusterNode implements AutoCloseable {

    /**
     * Where a node listens and which key file it reads; ports distinct from the H2 server (8080/9000). JGroups' failure
     * detection listens on {@code jgroupsPort + 50000}, so that port stays below 15536.
     */
    public record Spec(
            String name, int httpPort, int managementPort, int jgroupsPort, Path keyFile, List<String> options) {

        public Spec {
            options = List.copyOf(options);
        }
    }

    private final Spec spec;
    private final ServerProcess process;

    private ClusterNode(Spec spec, ServerProcess process) {
        this.spec = spec;
        this.process = process;
    }

    /** Starts the node and returns once its management {@code /health/ready} answers 200. */
    static ClusterNode start(Path home, PostgresDatabase database, Spec spec, boolean importRealm, Path workDir)
            throws IOException, InterruptedException {
        ServerProcess.refuseBusyPort(spec.httpPort());
        ServerProcess.refuseBusyPort(spec.managementPort());
        Path log = workDir.resolve("keycloak-" + spec.name() + ".log");
        List<String> arguments = new ArrayList<>(List.of(
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
        arguments.addAll(spec.options());
        if (importRealm) {
            arguments.add("--import-realm");
        }
        Instant started = Instant.now();
        ClusterNode node = new ClusterNode(
                spec,
                ServerProcess.start(
                        "node " + spec.name(), home, arguments, "http://localhost:" + spec.managementPort(), log));
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
        return process.log();
    }

    /** Kills the node mid-work (SIGKILL): what it had not committed, it did not do. */
    public void kill() throws InterruptedException {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }
}
