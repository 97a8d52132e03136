package dev.ciamkit.audit.listener;

import dev.ciamkit.common.config.BoundedInt;
import org.keycloak.Config;

/**
 * Server options of the audit trail, {@code --spi-events-listener--ciamkit-audit--<option>}.
 *
 * @param failClosed false (default): a record that cannot be written is counted and alerted, the login goes on; true:
 *     success records are written in the request's own transaction, and a failed write fails the request
 * @param linkIntervalMillis between two runs of the chain linker on each node (one node links at a time)
 * @param linkBatch records linked per transaction
 * @param lockSeconds how long a node may hold the linker's (and the anomaly detector's) cluster lock
 * @param anomalyIntervalMillis between two runs of the anomaly detector on each node (one node evaluates at a time)
 */
public record AuditSettings(
        boolean failClosed, int linkIntervalMillis, int linkBatch, int lockSeconds, int anomalyIntervalMillis) {

    public static final AuditSettings DEFAULT = new AuditSettings(false, 1000, 1000, 60, 5000);

    static final String FAIL_CLOSED = "fail-closed";
    static final String LINK_INTERVAL = "link-interval-millis";
    static final String LINK_BATCH = "link-batch";
    static final String LOCK = "lock-seconds";
    static final String ANOMALY_INTERVAL = "anomaly-interval-millis";

    static AuditSettings read(Config.Scope config) {
        return new AuditSettings(
                config.getBoolean(FAIL_CLOSED, false),
                BoundedInt.read(config, LINK_INTERVAL, DEFAULT.linkIntervalMillis, 100, 3_600_000),
                BoundedInt.read(config, LINK_BATCH, DEFAULT.linkBatch, 1, 10_000),
                BoundedInt.read(config, LOCK, DEFAULT.lockSeconds, 5, 3600),
                BoundedInt.read(config, ANOMALY_INTERVAL, DEFAULT.anomalyIntervalMillis, 100, 3_600_000));
    }
}
