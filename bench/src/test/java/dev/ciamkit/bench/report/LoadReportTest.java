package dev.ciamkit.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadReportTest {

    @Test
    void spread_gives_mean_extremes_and_deviation_over_rounds() {
        LoadReport.Spread spread = LoadReport.Spread.of(new double[] {0.96, 1.00, 1.04});

        assertThat(spread.mean()).isCloseTo(1.00, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(spread.min()).isEqualTo(0.96);
        assertThat(spread.max()).isEqualTo(1.04);
        assertThat(spread.deviation()).isCloseTo(0.0327, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void the_goal_holds_only_with_mean_throughput_p99_and_every_round_in_bounds() {
        LoadReport.Spread good = LoadReport.Spread.of(new double[] {0.97, 0.99, 1.01});
        LoadReport.Spread p99 = LoadReport.Spread.of(new double[] {1.00, 1.02});

        assertThat(LoadReport.verdict(good, p99, 3)).contains("**holds**");
        assertThat(LoadReport.verdict(LoadReport.Spread.of(new double[] {0.94, 1.05, 1.05}), p99, 3))
                .as("one round below 0.95 fails the goal although the mean is 1.01")
                .contains("**does not hold**");
        assertThat(LoadReport.verdict(LoadReport.Spread.of(new double[] {0.96, 0.97}), p99, 2))
                .contains("**does not hold**");
        assertThat(LoadReport.verdict(good, LoadReport.Spread.of(new double[] {1.06, 1.08}), 3))
                .contains("**does not hold**");
    }

    @Test
    void the_audit_comparison_says_which_server_is_which_and_keeps_the_figures() {
        String stock = LoadReport.render(
                new java.util.LinkedHashMap<>(java.util.Map.of(
                        "a1", new LoadReport.Phase("a1", 300, 0, 10.0, 100, 150, 200),
                        "b1", new LoadReport.Phase("b1", 294, 0, 9.8, 102, 153, 210))),
                30,
                4,
                4000,
                "test machine",
                java.nio.file.Path.of("run"),
                dev.ciamkit.bench.data.BenchRealms.Scenario.of("otp"));

        String md = LoadReport.AuditComparison.of(stock, 4, 30, 4000);

        assertThat(md)
                .startsWith("# Load benchmark: CIAM Kit login with the audit listener on against off")
                .contains("`--spi-events-listener--ciamkit-audit--enabled=false`", "Machine: test machine")
                .contains("(b)/(a) is on/off", "| 1 | 0.98 |")
                .doesNotContain("stock Keycloak browser flow");
    }

    @Test
    void the_warm_up_table_lists_each_window_and_the_closing_line() {
        String md = LoadReport.Warmup.render(List.of("1 20.00 22.00", "2 25.00 26.00", "Flat after 2 windows."));

        assertThat(md).contains("| 1 | 20.00 | 22.00 |", "| 2 | 25.00 | 26.00 |", "Flat after 2 windows.");
    }
}
