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

    private OtpErrors() {}
}
