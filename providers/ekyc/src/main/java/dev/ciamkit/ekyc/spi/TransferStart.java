package dev.ciamkit.ekyc.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A 1-won deposit sent (or not): the user now reads the memo's code in their bank app.
 *
 * @param transferId present exactly when the result passed; what {@link TransferCode} names
 * @param expiresAt when the gateway stops accepting the code, if it said
 */
public record TransferStart(VerificationResult result, Optional<String> transferId, Optional<Instant> expiresAt)
        implements EkycOutcome {

    public TransferStart {
        Objects.requireNonNull(result, "result");
        transferId = transferId == null ? Optional.empty() : transferId;
        expiresAt = expiresAt == null ? Optional.empty() : expiresAt;
        if (result.passed() != transferId.isPresent()) {
            throw new IllegalArgumentException("a transfer has an id exactly when it started");
        }
    }

    /** Nothing sent, or not known to be: the result says why. */
    public static TransferStart without(VerificationResult result) {
        return new TransferStart(result, Optional.empty(), Optional.empty());
    }
}
