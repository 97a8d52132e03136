package dev.ciamkit.sms.code;

/** Event error codes of SMS codes and phone binding (the gateway's own failures are in {@code SmsException.Reason}). */
public final class SmsErrors {

    /** A wrong code, or none, or one that is not digits. */
    public static final String CODE_INVALID = "ciamkit_sms_code_invalid";

    /** The code's time to live passed, or no code was sent in this login. */
    public static final String CODE_EXPIRED = "ciamkit_sms_code_expired";

    /** The code has used up its tries: a new one must be sent. */
    public static final String CODE_EXHAUSTED = "ciamkit_sms_code_exhausted";

    /** The right code, already used once (a parallel or repeated submission). */
    public static final String CODE_REPLAYED = "ciamkit_sms_code_replayed";

    /** A cooldown or an hourly cap refused to send; detail {@code ciamkit_limit} names it. */
    public static final String RATE_LIMITED = "ciamkit_sms_rate_limited";

    /** The user's brute-force lock is on: no code is checked. */
    public static final String USER_LOCKED = "ciamkit_sms_user_locked";

    /** What the user typed is no number that can receive SMS. */
    public static final String PHONE_INVALID = "ciamkit_phone_invalid";

    /** The phone action ran from an email link, or a number change came with a login older than max_auth_age. */
    public static final String PHONE_NEEDS_SIGN_IN = "ciamkit_phone_needs_sign_in";

    /** The stored phone binding does not open (key not in the ring, altered value). */
    public static final String PHONE_UNREADABLE = "ciamkit_phone_unreadable";

    /** Event detail: the gateway's HTTP status of a message not sent; 0 when it did not answer. */
    public static final String SMS_STATUS = "ciamkit_sms_status";

    /** Event detail: which limit refused. */
    public static final String LIMIT = "ciamkit_limit";

    private SmsErrors() {}
}
