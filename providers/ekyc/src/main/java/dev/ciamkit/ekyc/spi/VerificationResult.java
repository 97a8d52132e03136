package dev.ciamkit.ekyc.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one operation decided; never null, never throws to be built.
 *
 * @param score the vendor's score from 0 to 1 where the operation has one (OCR confidence, face similarity)
 * @param vendorReference the vendor's id of this check, for the evidence record and support (printable ASCII)
 * @param elapsed from the call to the answer, retries included
 */
public record VerificationResult(
        EkycOperation operation,
        VerificationStatus status,
        EkycReason reason,
        OptionalDouble score,
        Optional<String> vendorReference,
        Duration elapsed)
        implements EkycOutcome {

    public VerificationResult {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        score = score == null ? OptionalDouble.empty() : score;
        vendorReference = vendorReference == null ? Optional.empty() : vendorReference;
        elapsed = elapsed == null || elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    /** An answer without a vendor's verdict (unavailable, timed out, refused before calling). */
    public static VerificationResult without(
            EkycOperation operation, VerificationStatus status, EkycReason reason, Duration elapsed) {
        return new VerificationResult(operation, status, reason, OptionalDouble.empty(), Optional.empty(), elapsed);
    }

    public boolean passed() {
        return status == VerificationStatus.PASSED;
    }

    @Override
    public VerificationResult result() {
        return this;
    }
}
