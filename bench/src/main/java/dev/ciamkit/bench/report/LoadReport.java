package dev.ciamkit.bench.report;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ciamkit.bench.data.BenchRealms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one Gatling run into {@code bench/results/<date>.md}: per phase throughput, p50/p95/p99 and errors from
 * Gatling's own statistics, and the ratios (b)/(a) of each round, where a round's (a) and (b) ran at the same time.
 *
 * <p>Usage: {@code LoadReport <gatling run dir> <phase seconds> <concurrency> <users> <machine description> <out>
 * [<warm-up log>]}, where the warm-up log holds one line {@code <window> <a logins/s> <b logins/s>} per warm-up window;
 * {@code LoadReport window <gatling run dir> <window seconds>} prints one such line's numbers for a warm-up run.
 *
 * <p>The goal is stated as a verdict, never more than measured: it holds when the mean throughput ratio is at least
 * {@value #GOAL_THROUGHPUT}, the mean p99 ratio at most {@value #GOAL_P99} and no round's throughput ratio below
 * {@value #GOAL_ROUND_FLOOR}.
 */
public final class LoadReport {

    static final double GOAL_THROUGHPUT = 0.98;
    static final double GOAL_P99 = 1.05;
    static final double GOAL_ROUND_FLOOR = 0.95;

    record Phase(String name, long ok, long ko, double perSecond, long p50, long p95, long p99) {}

    private LoadReport() {}

    public static void main(String[] args) throws IOException {
        if (args[0].equals("window")) {
            Map<String, Phase> window = phases(Path.of(args[1]), Integer.parseInt(args[2]));
            System.out.printf(
                    Locale.ROOT,
                    "%.2f %.2f %d%n",
                    window.get("w-a").perSecond(),
                    window.get("w-b").perSecond(),
                    window.values().stream().mapToLong(Phase::ko).sum());
            return;
        }
        Path run = Path.of(args[0]);
        int phaseSeconds = Integer.parseInt(args[1]);
        Map<String, Phase> phases = phases(run, phaseSeconds);
        String report = render(
                phases,
                phaseSeconds,
                Integer.parseInt(args[2]),
                Integer.parseInt(args[3]),
                args[4],
                run,
                BenchRealms.Scenario.of(System.getProperty("bench.scenario", "otp")));
        if ("audit".equals(System.getProperty("bench.comparison"))) {
            report = AuditComparison.of(report, Integer.parseInt(args[2]), phaseSeconds, Integer.parseInt(args[3]));
        }
        if (args.length > 6 && Files.isRegularFile(Path.of(args[6]))) {
            report = report + Warmup.render(Files.readAllLines(Path.of(args[6])));
        }
        Files.writeString(Path.of(args[5]), report);
        System.out.print(report);
    }

    static Map<String, Phase> phases(Path run, int phaseSeconds) throws IOException {
        String js = Files.readString(run.resolve("js/stats.js"));
        String object = js.substring(js.indexOf('{'));
        JsonNode stats = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
                .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                .build()
                .readerFor(JsonNode.class)
                .readValue(object);
        Map<String, Phase> phases = new LinkedHashMap<>();
        stats.get("contents").forEach(group -> {
            JsonNode s = group.get("stats");
            String name = group.get("name").asText();
            long ok = s.at("/numberOfRequests/ok").asLong();
            phases.put(
                    name,
                    new Phase(
                            name,
                            ok,
                            s.at("/numberOfRequests/ko").asLong(),
                            (double) ok / phaseSeconds,
                            s.at("/percentiles1/ok").asLong(),
                            s.at("/percentiles3/ok").asLong(),
                            s.at("/percentiles4/ok").asLong()));
        });
        return phases;
    }

    static String render(
            Map<String, Phase> phases,
            int phaseSeconds,
            int concurrency,
            int users,
            String machine,
            Path run,
            BenchRealms.Scenario scenario) {
        StringBuilder md = new StringBuilder();
        md.append("# Load benchmark: CIAM Kit login against stock Keycloak\n\n");
        md.append(
                        "Scenarios, each a full authorization-code login with PKCE and code exchange, one-time code computed by ")
                .append("the load generator: **(a)** stock Keycloak browser flow with Keycloak's OTP form (realm ")
                .append("`bench-stock`), **(b)** ")
                .append(scenario.description())
                .append(" (realm `")
                .append(scenario.realm())
                .append("`), **(c)** client credentials. (a) and (b) run on the same server at the same ")
                .append("time, in a closed model of ")
                .append(concurrency)
                .append(" concurrent users (half on each), ")
                .append(phaseSeconds)
                .append(" s per round after the warm-up below and a first, unreported phase that warms up the load ")
                .append("generator; ")
                .append(users)
                .append(" users per realm, imported with pre-hashed passwords (Argon2id, Keycloak defaults) and ")
                .append("ready OTP seeds (sealed ones for CIAM Kit)")
                .append(scenario == BenchRealms.Scenario.PIN_OTP ? ", each with a PIN hashed the same way" : "")
                .append(".\n\n");
        md.append("Machine: ").append(machine).append("\n\n");
        md.append("| Phase | Logins OK | Errors | Logins/s | p50 ms | p95 ms | p99 ms |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Phase p : phases.values()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.1f | %d | %d | %d |%n",
                    p.name(),
                    p.ok(),
                    p.ko(),
                    p.perSecond(),
                    p.p50(),
                    p.p95(),
                    p.p99()));
        }
        md.append("\nRatios (b)/(a) per round, (a) and (b) measured over the same seconds, so a server or load ")
                .append(
                        "generator that speeds up or pauses weighs on both alike (throughput above 1 and latency below ")
                .append("1 favour CIAM Kit):\n\n");
        md.append("| Round | Throughput | p50 | p95 | p99 |\n| --- | ---: | ---: | ---: | ---: |\n");
        List<double[]> ratios = new ArrayList<>();
        for (int round = 1; phases.containsKey("a" + round) && phases.containsKey("b" + round); round++) {
            Phase a = phases.get("a" + round);
            Phase b = phases.get("b" + round);
            double[] r = {
                b.perSecond() / a.perSecond(), ratio(b.p50(), a.p50()), ratio(b.p95(), a.p95()), ratio(b.p99(), a.p99())
            };
            ratios.add(r);
            md.append(
                    String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.2f |%n", round, r[0], r[1], r[2], r[3]));
        }
        if (!ratios.isEmpty()) {
            Spread[] spread = new Spread[4];
            for (int i = 0; i < 4; i++) {
                int column = i;
                spread[i] =
                        Spread.of(ratios.stream().mapToDouble(r -> r[column]).toArray());
            }
            md.append(row("mean", spread, Spread::mean));
            md.append(row("min", spread, Spread::min));
            md.append(row("max", spread, Spread::max));
            md.append(row("std dev", spread, Spread::deviation));
            md.append(verdict(spread[0], spread[3], ratios.size()));
        }
        md.append("\nGatling's HTML report of this run: `").append(run).append("/index.html` (not committed).\n");
        return md.toString();
    }

    private static String row(String label, Spread[] spread, java.util.function.ToDoubleFunction<Spread> value) {
        return String.format(
                Locale.ROOT,
                "| %s | %.2f | %.2f | %.2f | %.2f |%n",
                label,
                value.applyAsDouble(spread[0]),
                value.applyAsDouble(spread[1]),
                value.applyAsDouble(spread[2]),
                value.applyAsDouble(spread[3]));
    }

    static String verdict(Spread throughput, Spread p99, int rounds) {
        boolean holds =
                throughput.mean() >= GOAL_THROUGHPUT && p99.mean() <= GOAL_P99 && throughput.min() >= GOAL_ROUND_FLOOR;
        return String.format(
                Locale.ROOT,
                "%nGoal (mean throughput ratio >= %.2f, mean p99 ratio <= %.2f, no round below %.2f) over %d rounds: "
                        + "**%s** (throughput %.2f, spread %.2f to %.2f; p99 %.2f).%n",
                GOAL_THROUGHPUT,
                GOAL_P99,
                GOAL_ROUND_FLOOR,
                rounds,
                holds ? "holds" : "does not hold",
                throughput.mean(),
                throughput.min(),
                throughput.max(),
                p99.mean());
    }

    /** Mean, extremes and (population) standard deviation of one ratio over the rounds. */
    record Spread(double mean, double min, double max, double deviation) {
        static Spread of(double[] values) {
            double mean = java.util.Arrays.stream(values).average().orElse(Double.NaN);
            double variance = java.util.Arrays.stream(values)
                    .map(v -> (v - mean) * (v - mean))
                    .average()
                    .orElse(Double.NaN);
            return new Spread(
                    mean,
                    java.util.Arrays.stream(values).min().orElse(Double.NaN),
                    java.util.Arrays.stream(values).max().orElse(Double.NaN),
                    Math.sqrt(variance));
        }
    }

    /** The heading of {@code run-audit-load}'s report: one realm on two builds of one server, audit off and on. */
    static final class AuditComparison {
        private AuditComparison() {}

        /** The report with this heading instead of the stock-against-CIAM-Kit one. */
        static String of(String report, int concurrency, int phaseSeconds, int users) {
            return intro(concurrency, phaseSeconds, users)
                    + report.substring(report.indexOf("Machine: "))
                            .replace("favour CIAM Kit", "favour the audit listener: (b)/(a) is on/off");
        }

        static String intro(int concurrency, int phaseSeconds, int users) {
            return "# Load benchmark: CIAM Kit login with the audit listener on against off\n\n"
                    + "The same full authorization-code login with PKCE and code exchange (CIAM Kit `ciamkit browser`:"
                    + " password then mobile OTP, realm `bench-ciamkit`, code computed by the load generator) against"
                    + " two servers built from the same assembly and data, running at the same time: **(a)** built with"
                    + " `--spi-events-listener--ciamkit-audit--enabled=false` (no audit record, no linker),"
                    + " **(b)** as shipped (the global audit listener records every event; the linker chains them"
                    + " every second), **(c)** client credentials on (a). Closed model of "
                    + concurrency
                    + " concurrent users (half on each server), "
                    + phaseSeconds
                    + " s per round after the warm-up below and a first, unreported phase that warms up the load"
                    + " generator; "
                    + users
                    + " users in the realm of each server, imported with pre-hashed passwords (Argon2id, Keycloak"
                    + " defaults) and sealed OTP seeds.\n\n";
        }
    }

    /** The warm-up windows run-load ran until throughput was flat. */
    static final class Warmup {
        private Warmup() {}

        static String render(List<String> lines) {
            StringBuilder md = new StringBuilder(
                            "\n## Warm-up\n\nWindows of (a) and (b) at the same time, repeated until both ")
                    .append("throughputs changed by less than the tolerance from one window to the next ")
                    .append("(or the maximum was reached):\n\n| Window | (a) logins/s | (b) logins/s |\n")
                    .append("| ---: | ---: | ---: |\n");
            for (String line : lines) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 3 && f[0].matches("\\d+")) {
                    md.append("| ")
                            .append(f[0])
                            .append(" | ")
                            .append(f[1])
                            .append(" | ")
                            .append(f[2])
                            .append(" |\n");
                } else if (!line.isBlank()) {
                    md.append("\n").append(line.trim()).append("\n");
                }
            }
            return md.toString();
        }
    }

    private static double ratio(long b, long a) {
        return a == 0 ? Double.NaN : (double) b / a;
    }
}
