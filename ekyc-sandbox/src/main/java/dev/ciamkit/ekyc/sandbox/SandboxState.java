package dev.ciamkit.ekyc.sandbox;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Everything one running sandbox holds: its key, configuration, counters, transfers and decisions. */
final class SandboxState {

    private final String apiKey;
    private final FailurePlan failures = new FailurePlan();
    private final Map<SandboxOperation, AtomicInteger> requests = new EnumMap<>(SandboxOperation.class);
    private final IdDecisions ids;
    private final FaceDecisions faces;
    private final Transfers transfers;
    private volatile SandboxConfig config;

    SandboxState(String apiKey, SandboxConfig config, Clock clock) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("the sandbox needs an API key");
        }
        this.apiKey = apiKey;
        this.config = config;
        for (SandboxOperation operation : SandboxOperation.values()) {
            requests.put(operation, new AtomicInteger());
        }
        References references = new References();
        Images images = new Images();
        ids = new IdDecisions(images, references);
        faces = new FaceDecisions(images, references);
        transfers = new Transfers(references, clock);
    }

    String apiKey() {
        return apiKey;
    }

    SandboxConfig config() {
        return config;
    }

    /** A new configuration; the failure plan counts from the start again. */
    synchronized void configure(SandboxConfig config) {
        this.config = config;
        failures.reset();
    }

    /** Defaults, no transfers, counters at zero. */
    synchronized void reset() {
        configure(SandboxConfig.defaults());
        transfers.clear();
        requests.values().forEach(count -> count.set(0));
    }

    void count(SandboxOperation operation) {
        requests.get(operation).incrementAndGet();
    }

    int requests(SandboxOperation operation) {
        return requests.get(operation).get();
    }

    FailurePlan failures() {
        return failures;
    }

    IdDecisions ids() {
        return ids;
    }

    FaceDecisions faces() {
        return faces;
    }

    Transfers transfers() {
        return transfers;
    }
}
