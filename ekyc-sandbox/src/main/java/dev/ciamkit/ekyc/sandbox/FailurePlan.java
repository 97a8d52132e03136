package dev.ciamkit.ekyc.sandbox;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which requests fail, without chance: with rate r, request n of an operation (counting from 1 since the last reset)
 * fails when {@code floor(n * r) > floor((n - 1) * r)}. So 1 fails all, 0 none, 0.5 the 2nd, 4th, ..., 0.25 the 4th,
 * 8th, ...: a test that sends four requests knows exactly which one fails.
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
        return rate > 0 && Math.floor(n * rate) > Math.floor((n - 1) * rate);
    }

    void reset() {
        counts.values().forEach(count -> count.set(0));
    }
}
