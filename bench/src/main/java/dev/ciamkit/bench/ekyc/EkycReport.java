package dev.ciamkit.bench.ekyc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The eKYC bench's findings as Markdown: overhead per check, end-to-end times, the stock reference, the goals. */
final class EkycReport {

    /** The goals. */
    static final double OVERHEAD_P99_GOAL_MS = 50;

    static final double CHECK_GOAL_MS = 3000;

    /** One setting of the sandbox's latency and what the verifications took under it. */
    record Phase(
            long latencyMs,
            int users,
            double seconds,
            List<VerificationRun.Timings> timings,
            Map<String, Double> vendorMeanMillis) {

        Percentiles wall(ToDoubleFunction<VerificationRun.Timings> part) {
            return Percentiles.of(
                    timings.stream().map(t -> part.applyAsDouble(t)).toList());
        }

        /**
         * A check's time outside the sandbox's configured latency. Each check waits for the latency once: OCR alone,
         * and the authenticity check and the face match at the same time.
         */
        Percentiles overhead(ToDoubleFunction<VerificationRun.Timings> check) {
            return Percentiles.of(Percentiles.minus(
                    timings.stream().map(t -> check.applyAsDouble(t)).toList(), latencyMs));
        }

        Percentiles overheadBothChecks() {
            List<Double> both = new java.util.ArrayList<>();
            timings.forEach(t -> {
                both.add(t.idCheck() - latencyMs);
                both.add(t.confirmCheck() - latencyMs);
            });
            return Percentiles.of(both);
        }
    }

    private EkycReport() {}

    static String markdown(List<Phase> phases) {
        StringBuilder out = new StringBuilder();
        out.append("## Overhead: each check's time outside the sandbox's latency (ms)\n\n");
        out.append("| Sandbox latency | Users at once | Check | n | p50 | p95 | p99 | max | mean |\n");
        out.append("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Phase phase : phases) {
            row(out, phase, "ID upload (OCR)", phase.overhead(VerificationRun.Timings::idCheck));
            row(
                    out,
                    phase,
                    "confirm + selfie (authenticity ‖ face)",
                    phase.overhead(VerificationRun.Timings::confirmCheck));
            row(out, phase, "both", phase.overheadBothChecks());
        }
        out.append("\n## Where a check's time goes (ms)\n\n");
        out.append(
                "The upload post (multipart parsed, the form sealed into the login, 303) and the step's answer to the"
                        + " browser coming back, less the sandbox's latency (gateway calls, vault, events, page or redirect).\n\n");
        out.append("| Sandbox latency | Users at once | Part | n | p50 | p95 | p99 | max | mean |\n");
        out.append("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Phase phase : phases) {
            row(out, phase, "ID: upload post", phase.wall(VerificationRun.Timings::idUpload));
            row(out, phase, "ID: step (OCR) less latency", phase.overhead(t -> t.idCheck() - t.idUpload()));
            row(out, phase, "confirm: upload post", phase.wall(VerificationRun.Timings::confirmUpload));
            row(
                    out,
                    phase,
                    "confirm: step (authenticity ‖ face, vault) less latency",
                    phase.overhead(t -> t.confirmCheck() - t.confirmUpload()));
        }
        out.append("\n## Wall time of a check and of the whole verification (ms)\n\n");
        out.append("| Sandbox latency | Users at once | Part | n | p50 | p95 | p99 | max | mean |\n");
        out.append("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Phase phase : phases) {
            row(out, phase, "ID upload (OCR)", phase.wall(VerificationRun.Timings::idCheck));
            row(out, phase, "confirm + selfie", phase.wall(VerificationRun.Timings::confirmCheck));
            row(out, phase, "whole (ID post to the app's redirect)", phase.wall(VerificationRun.Timings::whole));
        }
        out.append("\n## Page requests of the same runs without a gateway call, for scale (ms)\n\n");
        out.append("| Sandbox latency | Users at once | Request | n | p50 | p95 | p99 | max | mean |\n");
        out.append("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Phase phase : phases) {
            row(
                    out,
                    phase,
                    "authorization request → login page (stock)",
                    phase.wall(VerificationRun.Timings::loginPage));
            row(out, phase, "password POST → redirect (stock)", phase.wall(VerificationRun.Timings::password));
            row(out, phase, "required action → our ID page", phase.wall(VerificationRun.Timings::idPage));
        }
        out.append("\n## Gateway calls as the server timed them (`ciamkit_ekyc_vendor_call_seconds`, mean ms)\n\n");
        out.append("| Sandbox latency | Verifications | Verifications/s |");
        List<String> methods = List.of("id_ocr", "id_authenticity", "face_match");
        methods.forEach(m -> out.append(" `").append(m).append("` |"));
        out.append("\n| ---: | ---: | ---: |");
        methods.forEach(m -> out.append(" ---: |"));
        out.append('\n');
        for (Phase phase : phases) {
            out.append("| ")
                    .append(phase.latencyMs())
                    .append(" | ")
                    .append(phase.timings().size())
                    .append(" | ")
                    .append(fmt(phase.timings().size() / phase.seconds()))
                    .append(" |");
            methods.forEach(m -> out.append(' ')
                    .append(
                            phase.vendorMeanMillis().containsKey(m)
                                    ? fmt(phase.vendorMeanMillis().get(m))
                                    : "n/a")
                    .append(" |"));
            out.append('\n');
        }
        out.append("\n## Goals\n\n");
        out.append(verdicts(phases));
        return out.toString();
    }

    /** Whether each goal holds, one line each. */
    static String verdicts(List<Phase> phases) {
        StringBuilder out = new StringBuilder();
        for (Phase phase : phases) {
            double p99 = phase.overheadBothChecks().p99();
            out.append("- Overhead p99 ≤ ")
                    .append(fmt(OVERHEAD_P99_GOAL_MS))
                    .append(" ms with the sandbox at ")
                    .append(phase.latencyMs())
                    .append(" ms, ")
                    .append(phase.users())
                    .append(" at once: ")
                    .append(fmt(p99))
                    .append(" ms over both checks, ")
                    .append(p99 <= OVERHEAD_P99_GOAL_MS ? "**met**" : "**not met**")
                    .append(".\n");
        }
        for (Phase phase : phases) {
            if (phase.latencyMs() + OVERHEAD_P99_GOAL_MS < CHECK_GOAL_MS / 2) {
                continue;
            }
            double id = phase.wall(VerificationRun.Timings::idCheck).p99();
            double confirm = phase.wall(VerificationRun.Timings::confirmCheck).p99();
            double whole = phase.wall(VerificationRun.Timings::whole).p99();
            boolean checks = id <= CHECK_GOAL_MS && confirm <= CHECK_GOAL_MS;
            out.append("- A result within ")
                    .append(fmt(CHECK_GOAL_MS))
                    .append(" ms per check with the sandbox at ")
                    .append(phase.latencyMs())
                    .append(" ms, ")
                    .append(phase.users())
                    .append(" at once: p99 ID upload ")
                    .append(fmt(id))
                    .append(" ms, confirm + selfie ")
                    .append(fmt(confirm))
                    .append(" ms, ")
                    .append(checks ? "**met**" : "**not met**")
                    .append(". The whole verification (two checks the user makes one after the other) p99 ")
                    .append(fmt(whole))
                    .append(" ms: ")
                    .append(whole <= CHECK_GOAL_MS ? "within" : "**not** within")
                    .append(' ')
                    .append(fmt(CHECK_GOAL_MS))
                    .append(" ms.\n");
        }
        return out.toString();
    }

    private static void row(StringBuilder out, Phase phase, String label, Percentiles p) {
        out.append("| ")
                .append(phase.latencyMs())
                .append(" | ")
                .append(phase.users())
                .append(" | ")
                .append(label)
                .append(" | ")
                .append(p.count())
                .append(" | ")
                .append(fmt(p.p50()))
                .append(" | ")
                .append(fmt(p.p95()))
                .append(" | ")
                .append(fmt(p.p99()))
                .append(" | ")
                .append(fmt(p.max()))
                .append(" | ")
                .append(fmt(p.mean()))
                .append(" |\n");
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
