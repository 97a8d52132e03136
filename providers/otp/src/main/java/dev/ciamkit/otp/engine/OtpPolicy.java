package dev.ciamkit.otp.engine;

/**
 * How a device makes codes. Stored with each credential, so changing the realm's default never breaks an enrolled
 * device.
 *
 * @param period seconds per time step (TOTP only; 30 or 60)
 */
public record OtpPolicy(OtpType type, OtpAlgorithm algorithm, int digits, int period) {

    /** What every common authenticator app supports, Microsoft Authenticator included. */
    public static final OtpPolicy DEFAULT = new OtpPolicy(OtpType.TOTP, OtpAlgorithm.SHA1, 6, 30);

    public OtpPolicy {
        if (type == null || algorithm == null) {
            throw new IllegalArgumentException("OTP type and algorithm are required");
        }
        if (digits != 6 && digits != 8) {
            throw new IllegalArgumentException("OTP codes have 6 or 8 digits, not " + digits);
        }
        if (type == OtpType.TOTP && period != 30 && period != 60) {
            throw new IllegalArgumentException("TOTP period is 30 or 60 seconds, not " + period);
        }
    }

    /** Microsoft Authenticator only handles the default; Google Authenticator and FreeOTP handle all of these. */
    public boolean microsoftAuthenticatorCompatible() {
        return equals(DEFAULT);
    }
}
