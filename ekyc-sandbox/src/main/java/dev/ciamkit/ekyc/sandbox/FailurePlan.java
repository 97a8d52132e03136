package dev.ciamkit.ekyc.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which requests fail, without chance: with rate r, request n of an operation (counting from 1 since the last
 * configuration) fails when {@code ceil(n * r) > ceil((n - 1) * r)}. So 1 fails all, 0 none, 0.5 the 1st, 3rd, ...,
 * 0.25 the 1st, 5th, 9th, ...: a test knows exactly which request fails, and that a retry after a failure at a rate of
 * at most 0.5 passes. Computed in decimal, so 0.7 × 10 is 7, not 7.000000000000001.
 */
final class FailurePlan {

    private final Map<SandboxOperation, AtomicLong> counts = new EnumMap<>(SandboxOperation.class);

    FailurePlan() {
        for (SandboxOperation operation : SandboxOperation.values()) {
            counts.put(operation, new AtomicLong());
        }
    }

    boolean fails(SandboxOperation operation, double rate) {
        long n = counts.get(operation).incrementAndGet();
        if (rate <= 0) {
            return false;
        }
        BigDecimal r = BigDecimal.valueOf(rate);
        return ceil(r.multiply(BigDecimal.valueOf(n))) > ceil(r.multiply(BigDecimal.valueOf(n - 1)));
    }

    void reset() {
        counts.values().forEach(count -> count.set(0));
    }

    private static long ceil(BigDecimal value) {
        return value.setScale(0, RoundingMode.CEILING).longValueExact();
    }
}
