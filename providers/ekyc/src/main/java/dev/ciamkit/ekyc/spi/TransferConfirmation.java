package dev.ciamkit.ekyc.spi;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The memo's code compared.
 *
 * @param attemptsLeft how many more codes the gateway takes for this transfer, when it says
 */
public record TransferConfirmation(VerificationResult result, OptionalInt attemptsLeft) implements EkycOutcome {

    public TransferConfirmation {
        Objects.requireNonNull(result, "result");
        attemptsLeft = attemptsLeft == null ? OptionalInt.empty() : attemptsLeft;
    }

    /** Not compared: the result says why. */
    public static TransferConfirmation without(VerificationResult result) {
        return new TransferConfirmation(result, OptionalInt.empty());
    }
}
