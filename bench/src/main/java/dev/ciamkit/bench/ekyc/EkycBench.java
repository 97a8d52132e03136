package dev.ciamkit.bench.ekyc;

import dev.ciamkit.ekyc.sandbox.EkycSandbox;
import dev.ciamkit.ekyc.sandbox.SandboxConfig;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The eKYC bench (bench/run-ekyc starts the server around it): the sandbox gateway in this JVM, a realm of its own on
 * the running server, then for each sandbox latency a number of verifications, one new user each, and the report.
 *
 * <p>Arguments: base URL, metrics URL, the demo realm JSON, sandbox port, sandbox API key, warm-up verifications,
 * then one or more {@code latencyMs:verifications:users} phases, then the Markdown file to write. The admin's name and
 * password come from {@code KC_BOOTSTRAP_ADMIN_USERNAME} and {@code KC_BOOTSTRAP_ADMIN_PASSWORD}.
 */
public final class EkycBench {

    static final String REALM = "bench-ekyc";

    private EkycBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 8) {
            System.err.println("usage: EkycBench <base-url> <metrics-url> <demo-realm.json> <sandbox-port> <api-key>"
                    + " <warm-up> <latency-ms:verifications:users>... <result.md>");
            System.exit(2);
        }
        String baseUrl = args[0];
        String metricsUrl = args[1];
        Path demoRealm = Path.of(args[2]);
        int sandboxPort = Integer.parseInt(args[3]);
        String apiKey = args[4];
        int warmup = Integer.parseInt(args[5]);
        Path result = Path.of(args[args.length - 1]);

        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        BenchAdmin admin = new BenchAdmin(
                http,
                baseUrl,
                System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"),
                System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"));
        try (EkycSandbox sandbox = EkycSandbox.start("127.0.0.1", sandboxPort, apiKey, SandboxConfig.defaults())) {
            admin.createRealm(demoRealm, REALM);
            VerificationRun run = new VerificationRun(http, baseUrl, REALM);
            AtomicInteger users = new AtomicInteger();
            System.err.printf("warm-up: %d verifications, sandbox latency 0%n", warmup);
            phase(run, admin, users, warmup, 1);

            List<EkycReport.Phase> phases = new ArrayList<>();
            List<Instant[]> windows = new ArrayList<>();
            for (int i = 6; i < args.length - 1; i++) {
                String[] spec = args[i].split(":");
                long latency = Long.parseLong(spec[0]);
                int count = Integer.parseInt(spec[1]);
                int parallel = Integer.parseInt(spec[2]);
                sandbox.configure(SandboxConfig.defaults().withLatency(latency));
                System.err.printf(
                        "sandbox latency %d ms: %d verifications, %d users at once%n", latency, count, parallel);
                VendorMetrics before = VendorMetrics.read(http, metricsUrl);
                Instant from = Instant.now();
                long started = System.nanoTime();
                List<VerificationRun.Timings> timings = phase(run, admin, users, count, parallel);
                double seconds = (System.nanoTime() - started) / 1e9;
                windows.add(new Instant[] {from, Instant.now()});
                VendorMetrics after = VendorMetrics.read(http, metricsUrl);
                phases.add(new EkycReport.Phase(
                        latency, parallel, seconds, timings, after.meanMillisSince(before), List.of()));
            }
            List<EkycReport.ServerCheck>[] server = ServerRecording.checks(windows);
            for (int i = 0; i < phases.size(); i++) {
                EkycReport.Phase p = phases.get(i);
                phases.set(
                        i,
                        new EkycReport.Phase(
                                p.latencyMs(), p.users(), p.seconds(), p.timings(), p.vendorMeanMillis(), server[i]));
            }
            Files.writeString(result, EkycReport.markdown(phases));
            System.err.println("wrote " + result);
            admin.deleteRealm(REALM);
        }
    }

    /** {@code count} verifications by {@code parallel} users at once, each a new user; their timings. */
    private static List<VerificationRun.Timings> phase(
            VerificationRun run, BenchAdmin admin, AtomicInteger users, int count, int parallel) throws Exception {
        List<VerificationRun.Timings> timings = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger left = new AtomicInteger(count);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < parallel; w++) {
                workers.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        String username = "bench-ekyc-" + users.getAndIncrement();
                        String id = admin.createUser(REALM, username);
                        timings.add(run.run(username));
                        if (!admin.credentialTypes(REALM, id).contains("ciamkit-ekyc")) {
                            throw new IllegalStateException(username + " has no eKYC credential after the run");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new ArrayList<>(timings);
    }
}
