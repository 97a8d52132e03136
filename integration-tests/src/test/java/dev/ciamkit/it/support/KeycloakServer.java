package dev.ciamkit.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
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

    private final Path home;
    private final H2Database database;
    private final ServerProcess process;

    private KeycloakServer(Path home, H2Database database, ServerProcess process) {
        this.home = home;
        this.database = database;
        this.process = process;
    }

    public static KeycloakServer start(Path home, Path workDir)
            throws IOException, InterruptedException, java.sql.SQLException {
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No assembled server at " + home + "; build distribution/ first");
        }
        ServerProcess.refuseBusyPort(8080);
        ServerProcess.refuseBusyPort(9000);
        Path data = workDir.resolve("server-data");
        deleteRecursively(data);
        Files.createDirectories(data);
        Path log = workDir.resolve("keycloak-server.log");
        Path geoip = TestGeoIp.write(workDir.resolve("it-geoip-city.mmdb"));
        H2Database database = H2Database.start(data);
        Instant started = Instant.now();
        ServerProcess process;
        try {
            List<String> options = new java.util.ArrayList<>(List.of(
                    "start",
                    "--optimized",
                    "--import-realm",
                    "--http-port=8080",
                    // As behind a reverse proxy on 127.0.0.1: its X-Forwarded-For is honoured, that of any
                    // other peer (e.g. a client on ::1) is not. Risk, brute force and events all use it.
                    "--proxy-headers=xforwarded",
                    "--proxy-trusted-addresses=127.0.0.1",
                    // A GeoIP2 City database beside the sample CSV of keycloak.conf: the CSV's networks first,
                    // the database for the rest (see TestGeoIp)
                    "--spi-ciamkit-risk-signal--location--geoip-database=" + geoip,
                    // H2 served over TCP from the test JVM, so tests can read the rows the server writes
                    "--db-url=" + database.jdbcUrl(),
                    "--db-username=" + H2Database.USER,
                    "--db-password=" + H2Database.PASSWORD));
            // TEST ONLY: a retention day of 10 ms (a realm's 365 days pass in 3.65 s) and no scheduled purge, so only
            // AuditReviewRetentionIT's POST purge removes records (of its own realm)
            options.addAll(List.of(
                    "--spi-events-listener--ciamkit-audit--retention-day-millis=10",
                    "--spi-events-listener--ciamkit-audit--purge-interval-millis=86400000"));
            // the audit trail's SIEM sinks point at the receivers AuditExportIT starts (down the rest of the run)
            options.addAll(SiemReceivers.serverOptions());
            // the anomaly webhook AnomalyIT receives: the platform allows its host
            options.add("--spi-ciamkit-outbox-handler--ciamkit-anomaly--webhook-hosts=127.0.0.1");
            // the eKYC gateway: the sandbox, started before the server
            options.addAll(EkycGateway.serverOptions());
            process = ServerProcess.start("Keycloak", home, options, MANAGEMENT_URL, log);
        } catch (IOException | InterruptedException | RuntimeException e) {
            database.close();
            throw e;
        }
        KeycloakServer server = new KeycloakServer(home, database, process);
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
        return process.log();
    }

    /** The line in which Keycloak names its version, e.g. "Keycloak 26.7.3 on JVM (powered by Quarkus ...)". */
    public String versionLine() throws IOException {
        return Files.readAllLines(process.logFile(), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("Keycloak ") && line.contains(" on JVM"))
                .map(line -> line.substring(line.indexOf("Keycloak ")))
                .findFirst()
                .orElse("Keycloak (version line not found)");
    }

    @Override
    public void close() {
        try {
            process.close();
        } finally {
            database.close();
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
