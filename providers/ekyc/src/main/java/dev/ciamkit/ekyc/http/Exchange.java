package dev.ciamkit.ekyc.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ciamkit.ekyc.spi.EkycReason;
import dev.ciamkit.ekyc.spi.VerificationStatus;

/** What one call to the gateway came to, after its retries: an answer, or none. */
sealed interface Exchange {

    /** How many requests went out for it. */
    int attempts();

    /**
     * The gateway answered.
     *
     * @param body the parsed JSON, or a missing node when the body was empty, too long or not JSON
     */
    record Answered(int status, JsonNode body, int attempts) implements Exchange {}

    /** No answer: {@link VerificationStatus#TIMEOUT} or {@link VerificationStatus#UNAVAILABLE}, and why. */
    record NoAnswer(VerificationStatus status, EkycReason reason, int attempts) implements Exchange {}
}
