package dev.ciamkit.otp.pin;

/** Event error codes of the PIN, next to Keycloak's {@code Errors} and our {@code OtpErrors}. */
public final class PinErrors {

    /** A wrong PIN (whatever the code was). */
    public static final String INVALID = "ciamkit_pin_invalid";

    /** The PIN is locked after too many consecutive wrong PINs; an admin unlocks it. */
    public static final String LOCKED = "ciamkit_pin_locked";

    /** The user has no PIN: answered as a wrong PIN. */
    public static final String NOT_SET = "ciamkit_pin_not_set";

    /** The form came without a PIN or without a code: counted as a wrong one. */
    public static final String MISSING = "ciamkit_pin_missing";

    /** The stored PIN cannot be checked (its pepper is not in the ring, or its data does not parse). */
    public static final String UNREADABLE = "ciamkit_pin_unreadable";

    /** A new PIN the policy refuses (run, repeat, birth date, blocklist, shape). */
    public static final String REJECTED = "ciamkit_pin_rejected";

    /** Setting or changing the PIN from an email link, or with a login older than the action's max_auth_age. */
    public static final String NEEDS_SIGN_IN = "ciamkit_pin_needs_sign_in";

    private PinErrors() {}
}
