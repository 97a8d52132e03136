package dev.ciamkit.ekyc.metrics;

import dev.ciamkit.common.metrics.Meters;
import dev.ciamkit.ekyc.spi.VerificationResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

/**
 * Times each eKYC vendor call: {@value #CALL} (a histogram, {@code ciamkit_ekyc_vendor_call_seconds} in Prometheus)
 * with labels {@code method} (the operation: {@code id_ocr}, {@code id_authenticity}, {@code face_match},
 * {@code transfer_start}, {@code transfer_confirm}), {@code vendor} (a server option of the verifier, so a bounded set)
 * and {@code outcome} ({@code passed}, {@code failed}, {@code input_rejected}, {@code unavailable}, {@code timeout}).
 * Never a user, a realm, a reason text or anything the person sent. Recording never throws.
 *
 * <p>Unlike {@code FactorMetrics} of {@code providers/common}, which counts a factor's verifications per realm, this
 * is the vendor's health: its latency and how often it answered, per method.
 */
public final class EkycMetrics {

    public static final String CALL = "ciamkit.ekyc.vendor.call";

    private static final EkycMetrics GLOBAL = new EkycMetrics(Metrics.globalRegistry);

    private final MeterRegistry registry;

    public EkycMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Over Keycloak's registry, the one its {@code /metrics} endpoint shows. */
    public static EkycMetrics global() {
        return GLOBAL;
    }

    public void record(String vendor, VerificationResult result) {
        Meters.quietly(() -> Timer.builder(CALL)
                .description("One eKYC vendor call, retries included, by method, vendor and outcome")
                .tag("method", result.operation().tag())
                .tag("vendor", vendor)
                .tag("outcome", result.status().tag())
                .serviceLevelObjectives(Meters.LATENCY_BUCKETS)
                .register(registry)
                .record(result.elapsed()));
    }
}
