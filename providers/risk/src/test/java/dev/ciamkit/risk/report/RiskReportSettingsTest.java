package dev.ciamkit.risk.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RiskReportSettingsTest {

    @Test
    void server_options_are_held_to_sane_bounds() {
        RiskReportSettings low = new RiskReportSettings(0, -5, 1);
        assertThat(low.retentionDays()).isEqualTo(1);
        assertThat(low.perUser()).isEqualTo(1);
        assertThat(low.purgeIntervalSeconds()).isEqualTo(60);

        RiskReportSettings high = new RiskReportSettings(100_000, 100_000, 1_000_000);
        assertThat(high.retentionDays()).isEqualTo(3650);
        assertThat(high.perUser()).isEqualTo(1000);
        assertThat(high.purgeIntervalSeconds()).isEqualTo(86_400);
        assertThat(high.retentionMillis()).isEqualTo(3650L * 86_400_000L);
    }

    @Test
    void defaults_keep_ninety_days_and_fifty_rows_per_user() {
        assertThat(RiskReportSettings.DEFAULT).isEqualTo(new RiskReportSettings(90, 50, 3600));
    }
}
