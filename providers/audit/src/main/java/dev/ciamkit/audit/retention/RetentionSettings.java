package dev.ciamkit.audit.retention;

import dev.ciamkit.common.config.BoundedInt;
import org.keycloak.Config;

/**
 * Server options of the retention purge, beside the audit trail's ({@code --spi-events-listener--ciamkit-audit--}).
 *
 * @param purgeIntervalMillis between two runs of the purge on a node (one node purges at a time)
 * @param dayMillis the length of a retention day: 86400000. Only tests change it, so that a realm's retention, never
 *     below 365 days, passes in seconds
 * @param purgeBatch most records one run removes per realm (each run checks them first and anchors them)
 */
public record RetentionSettings(int purgeIntervalMillis, int dayMillis, int purgeBatch) {

    public static final int DAY_MILLIS = 86_400_000;
    public static final RetentionSettings DEFAULT = new RetentionSettings(3_600_000, DAY_MILLIS, 10_000);

    public static final String PURGE_INTERVAL = "purge-interval-millis";
    public static final String DAY = "retention-day-millis";
    public static final String PURGE_BATCH = "purge-batch";

    public static RetentionSettings read(Config.Scope config) {
        return new RetentionSettings(
                BoundedInt.read(config, PURGE_INTERVAL, DEFAULT.purgeIntervalMillis, 1000, DAY_MILLIS),
                BoundedInt.read(config, DAY, DAY_MILLIS, 1, DAY_MILLIS),
                BoundedInt.read(config, PURGE_BATCH, DEFAULT.purgeBatch, 1, 1_000_000));
    }

    /** Milliseconds a realm keeps its records. */
    public long retentionMillis(int days) {
        return (long) days * dayMillis;
    }
}
