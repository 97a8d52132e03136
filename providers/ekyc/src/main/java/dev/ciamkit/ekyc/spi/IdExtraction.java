package dev.ciamkit.ekyc.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * What OCR read from an ID image; the score is the vendor's confidence.
 *
 * @param fields present exactly when the result {@link VerificationResult#passed() passed}
 */
public record IdExtraction(VerificationResult result, Optional<IdFields> fields) implements EkycOutcome {

    public IdExtraction {
        Objects.requireNonNull(result, "result");
        fields = fields == null ? Optional.empty() : fields;
        if (result.passed() != fields.isPresent()) {
            throw new IllegalArgumentException("an extraction has fields exactly when it passed");
        }
    }

    /** No fields: the result says why. */
    public static IdExtraction without(VerificationResult result) {
        return new IdExtraction(result, Optional.empty());
    }
}
