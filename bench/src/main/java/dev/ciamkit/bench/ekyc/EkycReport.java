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
            Map<String, Double> vendorMeanMillis,
            List<ServerCheck> server) {

        /** One part's times on the server for one check. */
        Percentiles part(String part, String stage) {
            return Percentiles.of(server.stream()
                    .filter(c -> c.part().equals(part) && c.stage().equals(stage))
                    .map(ServerCheck::millis)
                    .toList());
        }

        /** The step's time less what it waited for the vendor. */
        Percentiles outsideVendorWait(String stage) {
            return Percentiles.of(server.stream()
                    .filter(c -> c.part().equals(STEP) && c.stage().equals(stage))
                    .map(c -> c.millis() - c.vendorWaitMillis())
                    .toList());
        }

        /**
         * Each check's time on the server less the sandbox's latency: its parts paired by their login key (the upload
         * endpoint's post, the step, and for the confirm check the re-check after the verification's commit), summed.
         * A check whose step the recording does not hold is left out.
         */
        Percentiles serverOverhead(String check) {
            return Percentiles.of(serverOverheadSamples(check));
        }

        /** Both checks pooled. */
        Percentiles serverOverheadBothChecks() {
            List<Double> both = new java.util.ArrayList<>(serverOverheadSamples("id"));
            both.addAll(serverOverheadSamples("confirm"));
            return Percentiles.of(both);
        }

        private List<Double> serverOverheadSamples(String check) {
            Map<String, Double> totals = new java.util.HashMap<>();
            java.util.Set<String> stepped = new java.util.HashSet<>();
            for (ServerCheck c : server) {
                if (c.login() == null) {
                    continue;
                }
                boolean step = c.part().equals(STEP) && c.stage().equals(check);
                boolean upload = c.part().equals(UPLOAD) && c.stage().equals(UPLOAD_OF.get(check));
                boolean recheck = check.equals("confirm") && c.part().equals(RECHECK);
                if (step || upload || recheck) {
                    totals.merge(c.login(), c.millis(), Double::sum);
                }
                if (step) {
                    stepped.add(c.login());
                }
            }
            return Percentiles.minus(stepped.stream().map(totals::get).toList(), latencyMs);
        }

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

    /**
     * One {@code dev.ciamkit.ekyc.Check} event of the server's flight recording: a part ({@code upload}, {@code step},
     * {@code recheck}) of a check ({@code id}, {@code confirm}, ...; an upload's stage is the image field), the key of
     * its login (which pairs the parts of one verification), its time and how long of it the request waited for vendor
     * calls.
     */
    record ServerCheck(String part, String stage, String login, double millis, double vendorWaitMillis) {}

    static final String STEP = "step";
    static final String UPLOAD = "upload";
    static final String RECHECK = "recheck";

    /** The upload endpoint's stage (the page's image field) for each check. */
    static final Map<String, String> UPLOAD_OF = Map.of("id", "idImage", "confirm", "selfie");

    private EkycReport() {}

    static String markdown(List<Phase> phases) {
        StringBuilder out = new StringBuilder();
        out.append("## Orchestration overhead: our part of each check on the server (ms)\n\n");
        out.append("From the server's flight recording (event `dev.ciamkit.ekyc.Check`), three parts: the upload"
                + " endpoint with the page's post (its parts read, checked and sealed into the login), the step (the"
                + " required action from Keycloak calling it to its return: the journey, the posted page, the vendor"
                + " calls through the orchestrator and the http verifier, the vault's writes, events, the next page or"
                + " the login told to go on) and, after a completed verification's commit, the vault's duplicate"
                + " re-check. Keycloak's own handling of the requests and the login's completion are in no part. Each"
                + " part carries a key of its login, so a check's parts are summed per check before the percentiles are"
                + " taken; the sandbox's latency is then subtracted. \"Outside the vendor wait\" is the step less the time the request waited"
                + " for vendor calls (calls at once counted once; the wait holds the executor's queueing and the"
                + " verifier's own work on its threads).\n\n");
        out.append("| Sandbox latency | Users at once | Check | n | p50 | p95 | p99 | max | step outside the vendor"
                + " wait p50 / p99 | upload p50 / p99 / max | re-check p50 / p99 / max |\n");
        out.append("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Phase phase : phases) {
            for (String check : List.of("id", "confirm")) {
                Percentiles total = phase.serverOverhead(check);
                Percentiles own = phase.outsideVendorWait(check);
                Percentiles upload = phase.part(UPLOAD, UPLOAD_OF.get(check));
                Percentiles recheck =
                        check.equals("confirm") ? phase.part(RECHECK, "complete") : Percentiles.of(List.of());
                line(
                        out,
                        phase.latencyMs(),
                        phase.users(),
                        check.equals("id") ? "ID upload (OCR)" : "confirm + selfie (authenticity ‖ face)",
                        total.count(),
                        fmt(total.p50()),
                        fmt(total.p95()),
                        fmt(total.p99()),
                        fmt(total.max()),
                        fmt(own.p50()) + " / " + fmt(own.p99()),
                        fmt(upload.p50()) + " / " + fmt(upload.p99()) + " / " + fmt(upload.max()),
                        fmt(recheck.p50()) + " / " + fmt(recheck.p99()) + " / " + fmt(recheck.max()));
            }
        }
        out.append("\n## Overhead as the client saw it: each check's time outside the sandbox's latency (ms)\n\n");
        out.append("The same checks timed by the load generator: the above plus Keycloak's own handling of the two"
                + " requests of a check (the upload post and the step's request) and, after the confirm check, the"
                + " login's completion (user session, code, the LOGIN event and its listeners) and the redirect.\n\n");
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
            Percentiles both = phase.serverOverheadBothChecks();
            double server = both.p99();
            double client = phase.overheadBothChecks().p99();
            out.append("- Orchestration overhead p99 ≤ ")
                    .append(fmt(OVERHEAD_P99_GOAL_MS))
                    .append(" ms with the sandbox at ")
                    .append(phase.latencyMs())
                    .append(" ms, ")
                    .append(phase.users())
                    .append(" at once: ");
            if (both.count() == 0) {
                out.append("no server recording, **not measured**");
            } else {
                out.append(fmt(server))
                        .append(" ms over both checks on the server, ")
                        .append(server <= OVERHEAD_P99_GOAL_MS ? "**met**" : "**not met**");
            }
            out.append(". As the client saw it (Keycloak's request handling and the login's completion included): ")
                    .append(fmt(client))
                    .append(" ms, ")
                    .append(client <= OVERHEAD_P99_GOAL_MS ? "within" : "**not** within")
                    .append(" it.\n");
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
        line(
                out,
                phase.latencyMs(),
                phase.users(),
                label,
                p.count(),
                fmt(p.p50()),
                fmt(p.p95()),
                fmt(p.p99()),
                fmt(p.max()),
                fmt(p.mean()));
    }

    /** One Markdown table row of these cells. */
    private static void line(StringBuilder out, Object... cells) {
        out.append('|');
        for (Object cell : cells) {
            out.append(' ').append(cell).append(" |");
        }
        out.append('\n');
    }

    static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
