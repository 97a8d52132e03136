package dev.ciamkit.ekyc.spi;

import java.util.Locale;

/**
 * The operations of {@link EkycVerifier}, one per vendor call. Each has its own circuit breaker in the http verifier
 * and is the {@code method} label of the metrics ({@link #tag()}: {@code id_ocr}, {@code id_authenticity}, ...).
 */
public enum EkycOperation {
    /** Read the fields of an ID document from its image. */
    ID_OCR,
    /** Ask the issuing authority whether the ID, with these fields, is genuine and valid. */
    ID_AUTHENTICITY,
    /** Compare a selfie with the ID's portrait, with the vendor's liveness check. */
    FACE_MATCH,
    /** Send 1 won to the user's account with a code in the deposit memo. */
    TRANSFER_START,
    /** Compare the code the user read in the memo. */
    TRANSFER_CONFIRM;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
