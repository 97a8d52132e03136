package dev.ciamkit.risk.engine;

import dev.ciamkit.common.metrics.Meters;
import dev.ciamkit.risk.spi.RiskPhase;
import dev.ciamkit.risk.spi.SignalResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.keycloak.models.RealmModel;

/**
 * The risk engine's metrics, every label from a fixed set: {@value #EVALUATION} (a histogram, by {@code phase}),
 * {@value #SIGNALS} (each signal's answer, by {@code signal}, the deployed signal's id, and {@code state}) and
 * {@value #LEVELS} (the level a login or a refresh was decided at, by {@code phase}, {@code level} and {@code realm}).
 * Never a user, address, device or reason text.
 */
public final class RiskMetrics {

    public static final String EVALUATION = "ciamkit.risk.evaluation";
    public static final String SIGNALS = "ciamkit.risk.signals";
    public static final String LEVELS = "ciamkit.risk.levels";

    private static final RiskMetrics GLOBAL = new RiskMetrics(Metrics.globalRegistry);

    private final MeterRegistry registry;

    RiskMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public static RiskMetrics global() {
        return GLOBAL;
    }

    void evaluated(RiskPhase phase, long startNanos) {
        long elapsed = System.nanoTime() - startNanos;
        Meters.quietly(() -> Timer.builder(EVALUATION)
                .description("One risk assessment, all signals asked and scored")
                .tag("phase", tag(phase))
                .serviceLevelObjectives(Meters.LATENCY_BUCKETS)
                .register(registry)
                .record(Math.max(0, elapsed), TimeUnit.NANOSECONDS));
    }

    /** @param signalId the id of the signal's factory (not what the signal wrote in its result) */
    void answered(String signalId, SignalResult.State state) {
        Meters.quietly(() -> Counter.builder(SIGNALS)
                .description("Risk signal answers: fired, clear or unknown")
                .tag("signal", signalId)
                .tag("state", state.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment());
    }

    /** The level a flow or a refresh goes on with (after any floor the caller added). */
    public void decided(RiskPhase phase, RealmModel realm, RiskLevel level) {
        Meters.quietly(() -> Counter.builder(LEVELS)
                .description("Risk levels decided, by phase and realm")
                .tag("phase", tag(phase))
                .tag("level", level.name().toLowerCase(Locale.ROOT))
                .tag("realm", realm == null || realm.getName() == null ? "none" : realm.getName())
                .register(registry)
                .increment());
    }

    private static String tag(RiskPhase phase) {
        return phase == null ? "none" : phase.name().toLowerCase(Locale.ROOT);
    }
}
