package dev.ciamkit.common.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Counts and times each verification of one of our factors: {@value #ATTEMPTS} with labels {@code factor},
 * {@code outcome} and {@code realm}, and {@value #VERIFICATION} (a histogram) with label {@code factor}. Every label
 * value comes from a fixed set (the enums here) or from the realm names an admin created; never a user, client,
 * device or address.
 *
 * <p>Call {@link #start()} before the check and {@link #record} with what it decided. Recording never throws.
 */
public final class FactorMetrics {

    /** Counter: verifications by factor, outcome and realm. */
    public static final String ATTEMPTS = "ciamkit.factor.attempts";
    /** Timer: how long one verification took, by factor. */
    public static final String VERIFICATION = "ciamkit.factor.verification";

    /** The factors we verify; the label value is the lower-case name ({@code mobile_otp}). */
    public enum Factor {
        MOBILE_OTP,
        PIN,
        SMS_OTP,
        /** OCRA transaction signing (to come). */
        TRANSACTION_SIGNING,
        /** eKYC verification (issue 12): success, or the vendor's refusal as INVALID, a vendor outage as ERROR. */
        EKYC;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a verification decided; the label value is the lower-case name. */
    public enum Outcome {
        SUCCESS,
        /** Wrong (or malformed, or for a device that is not the user's). */
        INVALID,
        /** Right, but used already. */
        REPLAYED,
        /** Nothing pending any more, or its time passed. */
        EXPIRED,
        /** The code used up its tries. */
        EXHAUSTED,
        /** The factor or the user is locked: nothing was compared, or this failure locked it. */
        LOCKED,
        /** The user has not set the factor up. */
        NOT_SET,
        /** Our side could not check (a key not in the ring, unreadable data, a vendor down): not the user's fault. */
        ERROR;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The realm label when no realm is known. */
    static final String NO_REALM = "none";

    private static final FactorMetrics GLOBAL = new FactorMetrics(Metrics.globalRegistry);

    private final MeterRegistry registry;

    FactorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Over Keycloak's registry, the one its {@code /metrics} endpoint shows. */
    public static FactorMetrics global() {
        return GLOBAL;
    }

    /** The start of a verification, for {@link #record}. */
    public static long start() {
        return System.nanoTime();
    }

    /** Records a verification of the session's realm that started at {@code startNanos} ({@link #start()}). */
    public void record(Factor factor, Outcome outcome, KeycloakSession session, long startNanos) {
        long elapsed = System.nanoTime() - startNanos;
        Meters.quietly(() -> {
            Counter.builder(ATTEMPTS)
                    .description("Verifications of a CIAM Kit factor, by what they decided")
                    .tag("factor", factor.tag())
                    .tag("outcome", outcome.tag())
                    .tag("realm", realm(session))
                    .register(registry)
                    .increment();
            Timer.builder(VERIFICATION)
                    .description("How long one verification of a CIAM Kit factor took")
                    .tag("factor", factor.tag())
                    .serviceLevelObjectives(Meters.LATENCY_BUCKETS)
                    .register(registry)
                    .record(Math.max(0, elapsed), TimeUnit.NANOSECONDS);
        });
    }

    private static String realm(KeycloakSession session) {
        KeycloakContext context = session == null ? null : session.getContext();
        RealmModel realm = context == null ? null : context.getRealm();
        String name = realm == null ? null : realm.getName();
        return name == null ? NO_REALM : name;
    }
}
