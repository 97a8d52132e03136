package dev.ciamkit.bench.ekyc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EkycReportTest {

    private static EkycReport.Phase phase(long latency, double idCheck, double confirmCheck) {
        VerificationRun.Timings t =
                new VerificationRun.Timings(5, 60, 8, idCheck, 4, confirmCheck, 6, idCheck + confirmCheck + 1);
        return new EkycReport.Phase(latency, 1, 10, List.of(t, t), Map.of("id_ocr", 3.0));
    }

    @Test
    void overhead_is_each_checks_time_less_one_sandbox_latency() {
        EkycReport.Phase phase = phase(2000, 2030, 2045);

        assertThat(phase.overhead(VerificationRun.Timings::idCheck).p50()).isEqualTo(30.0);
        assertThat(phase.overhead(VerificationRun.Timings::confirmCheck).p50())
                .as("authenticity and face match wait for the latency together, once")
                .isEqualTo(45.0);
        assertThat(phase.overheadBothChecks().count()).isEqualTo(4);
        assertThat(phase.overheadBothChecks().max()).isEqualTo(45.0);
    }

    @Test
    void the_overhead_goal_is_met_up_to_50_ms_at_p99() {
        assertThat(EkycReport.verdicts(List.of(phase(0, 50, 20))))
                .contains("at 0 ms, 1 at once: 50.0 ms over both checks, **met**");
        assertThat(EkycReport.verdicts(List.of(phase(0, 51, 20)))).contains("**not met**");
    }

    @Test
    void with_a_slow_sandbox_each_check_is_held_to_3_s_and_the_whole_is_reported_against_it() {
        String verdict = EkycReport.verdicts(List.of(phase(2000, 2040, 2060)));

        assertThat(verdict).contains("p99 ID upload 2040.0 ms, confirm + selfie 2060.0 ms, **met**");
        assertThat(verdict).contains("p99 4101.0 ms: **not** within 3000.0 ms");
    }

    @Test
    void a_fast_sandbox_phase_says_nothing_about_the_3_s_goal() {
        assertThat(EkycReport.verdicts(List.of(phase(0, 20, 20)))).doesNotContain("per check");
    }

    @Test
    void the_report_has_every_table() {
        String md = EkycReport.markdown(List.of(phase(0, 20, 30), phase(2000, 2020, 2030)));

        assertThat(md)
                .contains(
                        "## Overhead",
                        "## Where a check's time goes",
                        "## Wall time",
                        "## Page requests",
                        "## Gateway calls",
                        "## Goals")
                .contains("| 2000 | 1 | confirm + selfie (authenticity ‖ face) | 2 | 30.0 |")
                .contains("| 2000 | 1 | confirm: step (authenticity ‖ face, vault) less latency | 2 | 24.0 |");
    }
}
