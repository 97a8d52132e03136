package dev.ciamkit.ekyc.spi;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A selfie against an ID's portrait. The result's score is the face similarity; it passes only when the faces match
 * and the selfie is {@link Liveness#LIVE}.
 */
public record FaceMatch(VerificationResult result, Liveness liveness, OptionalDouble livenessScore)
        implements EkycOutcome {

    public FaceMatch {
        Objects.requireNonNull(result, "result");
        liveness = liveness == null ? Liveness.UNKNOWN : liveness;
        livenessScore = livenessScore == null ? OptionalDouble.empty() : livenessScore;
        if (result.passed() && liveness != Liveness.LIVE) {
            throw new IllegalArgumentException("a face match passes only with a live selfie");
        }
    }

    /** No comparison: the result says why. */
    public static FaceMatch without(VerificationResult result) {
        return new FaceMatch(result, Liveness.UNKNOWN, OptionalDouble.empty());
    }
}
