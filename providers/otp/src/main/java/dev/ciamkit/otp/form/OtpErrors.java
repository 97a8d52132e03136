package dev.ciamkit.otp.form;

/** Event error codes of our own, next to Keycloak's {@code Errors}. */
public final class OtpErrors {

    /** A right code presented again within its window, or older than the last one accepted. */
    public static final String REPLAYED = "ciamkit_otp_replayed";

    /** The device is locked after too many consecutive wrong codes. */
    public static final String DEVICE_LOCKED = "ciamkit_otp_device_locked";

    /** The form was sent without a code (counts as a failed attempt, as a wrong code does). */
    public static final String MISSING_CODE = "ciamkit_otp_missing";

    /** A wrong code while enrolling a device. */
    public static final String ENROLMENT_INVALID_CODE = "ciamkit_otp_enrolment_invalid_code";

    /** The registration link could not be sent by SMS. */
    public static final String SMS_NOT_SENT = "ciamkit_otp_sms_not_sent";

    /** Registration links refused by the resend cooldown or the per-user or per-address cap; nothing was sent. */
    public static final String SMS_RATE_LIMITED = "ciamkit_otp_sms_rate_limited";

    /**
     * The device's stored seed cannot be opened (its key is not in the ring, or the value was altered): a server-side
     * problem, not a wrong code, so it is not counted against the user.
     */
    public static final String DEVICE_UNREADABLE = "ciamkit_otp_device_unreadable";

    /** A pending enrolment's seed could not be opened; the enrolment started over with a new one. */
    public static final String ENROLMENT_UNREADABLE = "ciamkit_otp_enrolment_unreadable";

    /** The user has had a device and has none now: no enrolment without an admin reset. */
    public static final String NO_DEVICE = "ciamkit_otp_no_device";

    /** An enrolment opened from an email link (action token), without a login: refused. */
    public static final String ENROLMENT_NEEDS_SIGN_IN = "ciamkit_otp_enrolment_needs_sign_in";

    private OtpErrors() {}
}
