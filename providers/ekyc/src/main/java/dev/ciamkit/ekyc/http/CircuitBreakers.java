package dev.ciamkit.ekyc.http;

import dev.ciamkit.ekyc.spi.EkycOperation;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** One {@link CircuitBreaker} per operation, so one failing vendor service leaves the others usable. */
final class CircuitBreakers {

    private final Map<EkycOperation, CircuitBreaker> breakers = new EnumMap<>(EkycOperation.class);

    CircuitBreakers(HttpEkycConfig config, LongSupplier nanoClock) {
        for (EkycOperation operation : EkycOperation.values()) {
            breakers.put(
                    operation,
                    new CircuitBreaker(
                            config.vendor() + " " + operation.tag(),
                            config.breakerFailures(),
                            config.breakerCoolDownMs(),
                            nanoClock));
        }
    }

    CircuitBreaker of(EkycOperation operation) {
        return breakers.get(operation);
    }
}
