package dev.ciamkit.sms.code;

import dev.ciamkit.common.metrics.Meters;
import dev.ciamkit.sms.spi.SmsException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Times each hand-over of a text to the SMS gateway: {@value #SEND} (a histogram) with labels {@code provider} (the
 * sender's factory id, {@code none} when the configured one is not deployed) and {@code outcome} ({@code sent}, or
 * the refusal's reason: {@code not_configured}, {@code rejected}, {@code timeout}, {@code unreachable}). Never the
 * number, the text or the user.
 */
final class GatewayMetrics {

    static final String SEND = "ciamkit.sms.gateway.send";
    static final String NO_PROVIDER = "none";
    static final String SENT = "sent";

    private final MeterRegistry registry;

    GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    static GatewayMetrics global() {
        return new GatewayMetrics(Metrics.globalRegistry);
    }

    /** @param failure null when the gateway took the text */
    void record(String provider, SmsException failure, long startNanos) {
        long elapsed = System.nanoTime() - startNanos;
        Meters.quietly(() -> Timer.builder(SEND)
                .description("Handing one text to the SMS gateway, by sender and what came of it")
                .tag("provider", provider == null ? NO_PROVIDER : provider)
                .tag("outcome", outcome(failure))
                .serviceLevelObjectives(Meters.LATENCY_BUCKETS)
                .register(registry)
                .record(Math.max(0, elapsed), TimeUnit.NANOSECONDS));
    }

    static String outcome(SmsException failure) {
        return failure == null ? SENT : failure.reason().name().toLowerCase(Locale.ROOT);
    }
}
