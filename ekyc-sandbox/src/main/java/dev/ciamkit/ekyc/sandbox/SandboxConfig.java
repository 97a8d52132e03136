package dev.ciamkit.ekyc.sandbox;

import java.util.Locale;
import java.util.Map;

/**
 * What the sandbox does besides deciding: latency and failures for every operation, per-operation overrides, and what
 * an image without a marker stands for. The JSON of {@code GET/POST /sandbox/config} is this record's:
 * {@code {"latencyMs":0,"failureRate":0.0,"failStatus":503,"malformed":false,"methods":{"ocr":{"latencyMs":3000}},
 * "unmarked":"reject"}}.
 *
 * @param methods overrides by operation key ({@code ocr}, {@code verify}, {@code face}, {@code transfer},
 *     {@code confirm})
 * @param unmarked {@code reject} (an image without a marker is not an ID and shows no face), or the key of a test
 *     person that every unmarked image shows (for a browser camera, whose frames carry no marker)
 */
public record SandboxConfig(
        long latencyMs,
        double failureRate,
        int failStatus,
        boolean malformed,
        Map<String, Behaviour> methods,
        String unmarked) {

    public static final String REJECT_UNMARKED = "reject";
    static final int DEFAULT_FAIL_STATUS = 503;
    static final long MAX_LATENCY_MS = 120_000;

    public SandboxConfig {
        check(latencyMs, failureRate, failStatus == 0 ? null : failStatus);
        failStatus = failStatus == 0 ? DEFAULT_FAIL_STATUS : failStatus;
        methods = Map.copyOf(methods == null ? Map.of() : methods);
        for (String key : methods.keySet()) {
            if (SandboxOperation.byKey(key).isEmpty()) {
                throw new IllegalArgumentException(
                        "unknown method '" + key + "' (ocr, verify, face, transfer, confirm)");
            }
        }
        unmarked = unmarked == null || unmarked.isBlank()
                ? REJECT_UNMARKED
                : unmarked.trim().toLowerCase(Locale.ROOT);
        if (!REJECT_UNMARKED.equals(unmarked) && TestPersons.byKey(unmarked).isEmpty()) {
            throw new IllegalArgumentException("unmarked must be 'reject' or a test person's key");
        }
    }

    /** No latency, no failures, unmarked images rejected. */
    public static SandboxConfig defaults() {
        return new SandboxConfig(0, 0, DEFAULT_FAIL_STATUS, false, Map.of(), REJECT_UNMARKED);
    }

    /** The same with {@code behaviour} for {@code operation}. */
    public SandboxConfig with(SandboxOperation operation, Behaviour behaviour) {
        Map<String, Behaviour> changed = new java.util.HashMap<>(methods);
        changed.put(operation.key(), behaviour);
        return new SandboxConfig(latencyMs, failureRate, failStatus, malformed, changed, unmarked);
    }

    /** The same with every operation's default latency set. */
    public SandboxConfig withLatency(long latencyMs) {
        return new SandboxConfig(latencyMs, failureRate, failStatus, malformed, methods, unmarked);
    }

    /** The same with unmarked images read as {@code personKey}'s ID and selfie. */
    public SandboxConfig withUnmarked(String personKey) {
        return new SandboxConfig(latencyMs, failureRate, failStatus, malformed, methods, personKey);
    }

    /** What applies to one operation, overrides resolved. */
    record Effective(long latencyMs, double failureRate, int failStatus, boolean malformed) {}

    Effective effective(SandboxOperation operation) {
        Behaviour own = methods.getOrDefault(operation.key(), Behaviour.inherit());
        return new Effective(
                own.latencyMs() != null ? own.latencyMs() : latencyMs,
                own.failureRate() != null ? own.failureRate() : failureRate,
                own.failStatus() != null ? own.failStatus() : failStatus,
                own.malformed() != null ? own.malformed() : malformed);
    }

    static void check(Long latencyMs, Double failureRate, Integer failStatus) {
        if (latencyMs != null && (latencyMs < 0 || latencyMs > MAX_LATENCY_MS)) {
            throw new IllegalArgumentException("latencyMs must be from 0 to " + MAX_LATENCY_MS);
        }
        if (failureRate != null && !(failureRate >= 0 && failureRate <= 1)) {
            throw new IllegalArgumentException("failureRate must be from 0 to 1");
        }
        if (failStatus != null && (failStatus < 400 || failStatus > 599)) {
            throw new IllegalArgumentException("failStatus must be from 400 to 599");
        }
    }
}
