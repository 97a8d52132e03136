package dev.ciamkit.ekyc.spi;

import java.util.Locale;

/**
 * What came of one operation. Only {@link #PASSED} and {@link #FAILED} are verdicts about the person; the others say
 * the question was not answered, and why: the caller may ask again ({@link #INPUT_REJECTED} with another capture,
 * {@link #UNAVAILABLE} and {@link #TIMEOUT} later or with another method). The {@code outcome} label of the metrics is
 * {@link #tag()}.
 */
public enum VerificationStatus {
    /** Checked, and it holds: the fields were read, the ID is genuine, the faces match, the code is right. */
    PASSED,
    /** Checked, and it does not hold: a forged or revoked ID, another person's face, a wrong code. */
    FAILED,
    /** The vendor could not check what it was given: a blurry image, not an ID, no face, a malformed account. */
    INPUT_REJECTED,
    /** Nobody checked: the vendor is down, refused us, answered nonsense, or its breaker is open; not configured. */
    UNAVAILABLE,
    /** Nobody answered in time. */
    TIMEOUT;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A verdict about the person ({@link #PASSED} or {@link #FAILED}), as opposed to no answer. */
    public boolean isVerdict() {
        return this == PASSED || this == FAILED;
    }
}
