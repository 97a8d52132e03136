package dev.ciamkit.common.metrics;

import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * What every metric of ours shares: the latency buckets of our timers, and a guard that keeps a recording out of the
 * request's way.
 */
public final class Meters {

    /**
     * The histogram buckets of our latency timers, from a cached check to a slow gateway: a fixed, small set (11
     * buckets per series) that Prometheus' {@code histogram_quantile} reads for p95 across nodes.
     */
    public static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };

    private static final Logger LOG = Logger.getLogger(Meters.class);

    private Meters() {}

    /**
     * Runs a recording; whatever goes wrong in it (a registry that refuses a meter, a model that is not there) is
     * logged at debug and dropped, so a metric never fails a login.
     */
    public static void quietly(Runnable recording) {
        try {
            recording.run();
        } catch (RuntimeException | LinkageError e) {
            // the class name only: nothing a recording holds belongs in a log
            LOG.debugf("CIAM Kit: a metric was not recorded (%s)", e.getClass().getName());
        }
    }
}
