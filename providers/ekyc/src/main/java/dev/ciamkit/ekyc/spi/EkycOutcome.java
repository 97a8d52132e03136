package dev.ciamkit.ekyc.spi;

/** What every answer of {@link EkycVerifier} holds: the common {@link VerificationResult}. */
public interface EkycOutcome {

    VerificationResult result();
}
