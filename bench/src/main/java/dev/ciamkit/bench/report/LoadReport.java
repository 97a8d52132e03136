package dev.ciamkit.bench.report;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
 * Gatling's own statistics, and the ratios (b)/(a) of each round.
 *
 * <p>Usage: {@code LoadReport <gatling run dir> <phase seconds> <concurrency> <users> <machine description> <out>}
 */
public final class LoadReport {

    record Phase(String name, long ok, long ko, double perSecond, long p50, long p95, long p99) {}

    private LoadReport() {}

    public static void main(String[] args) throws IOException {
        Path run = Path.of(args[0]);
        int phaseSeconds = Integer.parseInt(args[1]);
        Map<String, Phase> phases = phases(run, phaseSeconds);
        String report =
                render(phases, phaseSeconds, Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4], run);
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
            Map<String, Phase> phases, int phaseSeconds, int concurrency, int users, String machine, Path run) {
        StringBuilder md = new StringBuilder();
        md.append("# Load benchmark: CIAM Kit login against stock Keycloak\n\n");
        md.append(
                        "Scenarios, each a full authorization-code login with PKCE and code exchange, one-time code computed by ")
                .append("the load generator: **(a)** stock Keycloak browser flow with Keycloak's OTP form (realm ")
                .append("`bench-stock`), **(b)** CIAM Kit `ciamkit browser` flow: password, then mobile OTP (realm ")
                .append(
                        "`bench-ciamkit`), **(c)** client credentials. (a) and (b) run on the same server, alternating, ")
                .append("in a closed model at ")
                .append(concurrency)
                .append(" concurrent users, ")
                .append(phaseSeconds)
                .append(" s per phase after a warm-up of each; ")
                .append(users)
                .append(" users per realm, imported with pre-hashed passwords (Argon2id, Keycloak defaults) and ")
                .append("ready OTP seeds (sealed ones for CIAM Kit).\n\n");
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
        md.append("\nRatios (b)/(a) per round, each (b) against the mean of the (a) phases before and after it, which ")
                .append("cancels a server that is still speeding up (throughput above 1 and latency below 1 favour ")
                .append("CIAM Kit):\n\n");
        md.append("| Round | Throughput | p50 | p95 | p99 |\n| --- | ---: | ---: | ---: | ---: |\n");
        List<double[]> ratios = new ArrayList<>();
        for (int round = 1; phases.containsKey("a" + round) && phases.containsKey("b" + round); round++) {
            Phase a = bracket(phases.get("a" + round), phases.get("a" + (round + 1)));
            Phase b = phases.get("b" + round);
            double[] r = {
                b.perSecond() / a.perSecond(), ratio(b.p50(), a.p50()), ratio(b.p95(), a.p95()), ratio(b.p99(), a.p99())
            };
            ratios.add(r);
            md.append(
                    String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.2f |%n", round, r[0], r[1], r[2], r[3]));
        }
        if (!ratios.isEmpty()) {
            double[] mean = new double[4];
            ratios.forEach(r -> {
                for (int i = 0; i < 4; i++) {
                    mean[i] += r[i] / ratios.size();
                }
            });
            md.append(String.format(
                    Locale.ROOT, "| mean | %.2f | %.2f | %.2f | %.2f |%n", mean[0], mean[1], mean[2], mean[3]));
        }
        md.append("\nGatling's HTML report of this run: `").append(run).append("/index.html` (not committed).\n");
        return md.toString();
    }

    /** The mean of the (a) phases around a (b); the one before alone when there is none after. */
    static Phase bracket(Phase before, Phase after) {
        if (after == null) {
            return before;
        }
        return new Phase(
                before.name() + "+" + after.name(),
                (before.ok() + after.ok()) / 2,
                (before.ko() + after.ko()) / 2,
                (before.perSecond() + after.perSecond()) / 2,
                (before.p50() + after.p50()) / 2,
                (before.p95() + after.p95()) / 2,
                (before.p99() + after.p99()) / 2);
    }

    private static double ratio(long b, long a) {
        return a == 0 ? Double.NaN : (double) b / a;
    }
}
