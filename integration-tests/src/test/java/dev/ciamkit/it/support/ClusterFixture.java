package dev.ciamkit.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Two nodes of the assembled server in one Infinispan cluster (jdbc-ping over a fresh PostgreSQL database of their
 * own), for tests that must see what one node does hold on the other. {@code db} is a build-time option, so the nodes
 * run a copy of the assembled home built for PostgreSQL under target/, never the home the H2 tests use. Node A imports
 * the demo realm and creates the bootstrap admin; B starts once A is ready (a first cluster start is not safe in
 * parallel: both would run the database migration).
 */
public final class ClusterFixture implements AutoCloseable {

    /** Left after the run for a look at what the nodes wrote, like their logs; dropped and made anew by the next. */
    public static final String DATABASE = "ciamkit_it_cluster";

    public static final String HOME_DIR = "cluster-home";

    private final PostgresDatabase database;
    private final ClusterNode a;
    private final ClusterNode b;

    private ClusterFixture(PostgresDatabase database, ClusterNode a, ClusterNode b) {
        this.database = database;
        this.a = a;
        this.b = b;
    }

    /**
     * Both nodes as in the middle of a rolling key promotion (README, "Rotating keys"): both had the file with a next
     * key from {@code add-next}; A was then restarted with the promoted file and seals with the new key, B not yet and
     * still seals with the old one. Each must open what the other seals, so every cluster test also proves that the
     * rotation does not break a rolling restart. The key files are made with the operators' {@code KeyFileTool}.
     */
    public static ClusterFixture startMidKeyPromotion(Path serverDir, Path workDir) throws Exception {
        Path home = buildPostgresHome(serverDir, workDir.resolve(HOME_DIR));
        Path keys = Files.createDirectories(workDir.resolve("cluster-keys"));
        Path notYetRestarted = keys.resolve("node-b-keys.properties");
        Path promoted = keys.resolve("node-a-keys.properties");
        Files.copy(home.resolve("conf/ciamkit-keys.properties"), notYetRestarted, StandardCopyOption.REPLACE_EXISTING);
        keyFileTool(home, "add-next", notYetRestarted);
        Files.copy(notYetRestarted, promoted, StandardCopyOption.REPLACE_EXISTING);
        keyFileTool(home, "promote", promoted);
        return start(
                home,
                workDir,
                new ClusterNode.Spec("node-a", 8180, 9180, 7810, promoted, auditExport(false)),
                new ClusterNode.Spec("node-b", 8280, 9280, 7820, notYetRestarted, auditExport(true)));
    }

    /** The port of the webhook receiver the nodes' audit export posts to (not the H2 server's). */
    public static final int WEBHOOK_PORT = 15581;

    /**
     * Both nodes export the audit trail to one webhook receiver; only B delivers on its own (A's round runs when asked,
     * {@code POST ciamkit-audit/export}), so a test knows which node holds a delivery in flight. The outbox lock lasts
     * its minimum (5 s), so a node killed while holding it is followed soon.
     */
    private static List<String> auditExport(boolean delivers) {
        List<String> options = new java.util.ArrayList<>(List.of(
                "--spi-ciamkit-audit-sink--webhook--url=http://127.0.0.1:" + WEBHOOK_PORT + SiemReceivers.WEBHOOK_PATH,
                "--spi-ciamkit-audit-sink--webhook--secret=" + SiemReceivers.WEBHOOK_SECRET,
                "--spi-jpa-entity-provider--ciamkit-outbox--lock-seconds=5",
                "--spi-jpa-entity-provider--ciamkit-outbox--initial-backoff-millis=200",
                "--spi-jpa-entity-provider--ciamkit-outbox--max-backoff-millis=1000"));
        options.add("--spi-jpa-entity-provider--ciamkit-outbox--interval-millis=" + (delivers ? 300 : 3_600_000));
        // the eKYC gateway: the same sandbox as the single server's
        options.addAll(EkycGateway.serverOptions());
        return options;
    }

    /** Runs {@code java -cp providers/ciamkit-common.jar ...KeyFileTool <command> <file>}, as the README tells. */
    private static void keyFileTool(Path home, String command, Path file) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process tool = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        home.resolve("providers/ciamkit-common.jar").toString(),
                        "dev.ciamkit.common.crypto.KeyFileTool",
                        command,
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (tool.waitFor() != 0) {
            throw new IllegalStateException("KeyFileTool " + command + " failed: " + output);
        }
    }

    /** A cluster of nodes as specified, e.g. with a key file per node for a key-rotation test. */
    public static ClusterFixture start(Path home, Path workDir, ClusterNode.Spec specA, ClusterNode.Spec specB)
            throws Exception {
        Instant started = Instant.now();
        PostgresDatabase database = PostgresDatabase.recreate(DATABASE);
        ClusterNode a = ClusterNode.start(home, database, specA, true, workDir);
        try {
            ClusterNode b = ClusterNode.start(home, database, specB, false, workDir);
            System.out.printf(
                    "CIAM Kit cluster ITs: two nodes ready in %d s%n",
                    Duration.between(started, Instant.now()).toSeconds());
            return new ClusterFixture(database, a, b);
        } catch (Exception | Error e) {
            a.close();
            throw e;
        }
    }

    /** The database both nodes share, for tests that check what was stored. */
    public PostgresDatabase database() {
        return database;
    }

    public ClusterNode a() {
        return a;
    }

    public ClusterNode b() {
        return b;
    }

    /**
     * Copies the assembled home (without its H2 data; with the realm to import and the development key file) and runs
     * {@code kc.sh build --db=postgres} there: the command line overrides the conf file's {@code db=dev-file}. The build
     * is skipped when the copy was built from the same providers and server.
     */
    public static Path buildPostgresHome(Path serverDir, Path target) throws IOException, InterruptedException {
        String stamp = stamp(serverDir);
        Path stampFile = target.resolve(".ciamkit-built-from");
        if (Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp)) {
            return target;
        }
        KeycloakServer.deleteRecursively(target);
        copyHome(serverDir, target);
        Instant started = Instant.now();
        Path log = target.resolve("build.log");
        Process build = new ProcessBuilder("bash", "bin/kc.sh", "build", "--db=postgres")
                .directory(target.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (build.waitFor() != 0) {
            throw new IllegalStateException("kc.sh build --db=postgres failed:\n" + Files.readString(log));
        }
        Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
        System.out.printf(
                "CIAM Kit cluster ITs: PostgreSQL build of the server in %d s at %s%n",
                Duration.between(started, Instant.now()).toSeconds(), target);
        return target;
    }

    private static void copyHome(Path source, Path target) throws IOException {
        Path data = source.resolve("data");
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                boolean dataButNotImport =
                        path.startsWith(data) && !path.equals(data) && !path.startsWith(data.resolve("import"));
                if (dataButNotImport) {
                    continue;
                }
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** What the copy depends on: the server's version and our providers' jars. */
    private static String stamp(Path serverDir) throws IOException {
        try (Stream<Path> jars = Files.list(serverDir.resolve("providers"))) {
            List<String> parts = jars.sorted()
                    .map(jar -> jar.getFileName() + "@" + jar.toFile().lastModified())
                    .collect(Collectors.toList());
            parts.add(Files.readString(serverDir.resolve("version.txt")).trim());
            return String.join("\n", parts);
        }
    }

    @Override
    public void close() {
        b.close();
        a.close();
    }
}
