package dev.ciamkit.ekyc.vault;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/** One method that passed within a verification: the vendor's reference and score, and when it passed. */
public record MethodResult(EkycMethod method, Optional<String> vendorReference, OptionalDouble score, Instant at) {
    public MethodResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(at, "at");
        vendorReference = vendorReference == null ? Optional.empty() : vendorReference;
        score = score == null ? OptionalDouble.empty() : score;
    }
}
