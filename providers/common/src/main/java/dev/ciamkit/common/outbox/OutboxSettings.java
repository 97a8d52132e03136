package dev.ciamkit.common.outbox;

import dev.ciamkit.common.config.BoundedInt;
import org.keycloak.Config;

/**
 * The worker's bounds, server options of {@code --spi-jpa-entity-provider--ciamkit-outbox--...}.
 *
 * @param intervalMillis between two delivery rounds on each node (only one node delivers at a time)
 * @param batch messages handed to a handler at once
 * @param lockSeconds how long a node may hold the delivery lock: the longest a killed node delays delivery; a round
 *     stops taking new batches at half of it
 * @param initialBackoffMillis wait after a stream's first failed attempt, doubled per attempt
 * @param maxBackoffMillis the longest wait between attempts
 */
public record OutboxSettings(
        int intervalMillis, int batch, int lockSeconds, int initialBackoffMillis, int maxBackoffMillis) {

    public static final OutboxSettings DEFAULT = new OutboxSettings(1000, 500, 60, 1000, 300_000);

    static final String INTERVAL = "interval-millis";
    static final String BATCH = "batch";
    static final String LOCK = "lock-seconds";
    static final String INITIAL_BACKOFF = "initial-backoff-millis";
    static final String MAX_BACKOFF = "max-backoff-millis";

    /** Reads the options; a missing or out-of-range value is the default (logged). */
    public static OutboxSettings read(Config.Scope config) {
        int initial = BoundedInt.read(config, INITIAL_BACKOFF, DEFAULT.initialBackoffMillis, 100, 3_600_000);
        return new OutboxSettings(
                BoundedInt.read(config, INTERVAL, DEFAULT.intervalMillis, 100, 3_600_000),
                BoundedInt.read(config, BATCH, DEFAULT.batch, 1, 5000),
                BoundedInt.read(config, LOCK, DEFAULT.lockSeconds, 5, 3600),
                initial,
                Math.max(initial, BoundedInt.read(config, MAX_BACKOFF, DEFAULT.maxBackoffMillis, 100, 86_400_000)));
    }

    /** The wait after the {@code attempts}-th failed attempt (1 = the first). */
    public long backoffMillis(int attempts) {
        int shift = Math.min(Math.max(attempts - 1, 0), 30);
        long wait = (long) initialBackoffMillis << shift;
        return Math.min(wait, maxBackoffMillis);
    }
}
