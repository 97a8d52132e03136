package dev.ciamkit.risk.report;

/** The report's bounds, clamped to sane ranges whatever the server options say. */
public record RiskReportSettings(int retentionDays, int perUser, int purgeIntervalSeconds) {

    public static final RiskReportSettings DEFAULT = new RiskReportSettings(90, 50, 3600);

    public RiskReportSettings {
        retentionDays = Math.max(1, Math.min(retentionDays, 3650));
        perUser = Math.max(1, Math.min(perUser, 1000));
        purgeIntervalSeconds = Math.max(60, Math.min(purgeIntervalSeconds, 86_400));
    }

    long retentionMillis() {
        return retentionDays * 86_400_000L;
    }
}
