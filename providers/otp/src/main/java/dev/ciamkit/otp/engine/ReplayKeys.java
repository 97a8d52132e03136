package dev.ciamkit.otp.engine;

/**
 * Keys for Keycloak's SingleUseObjectProvider that make a code usable once per validity window across all nodes.
 * Prefixed with our own namespace so that nothing else in the store can collide with them.
 */
public final class ReplayKeys {

    public static final String PREFIX = "ciamkit:otp:";

    private ReplayKeys() {}

    public static String of(String credentialId, OtpType type, long position) {
        return PREFIX + credentialId + ':' + (type == OtpType.TOTP ? 't' : 'h') + ':' + position;
    }

    /** Long enough to cover every step the window and the remembered drift can reach, plus one. */
    public static long lifespanSeconds(OtpPolicy policy, VerifierSettings settings) {
        if (policy.type() == OtpType.HOTP) {
            return 300;
        }
        return (long) policy.period() * (2L * (settings.window() + settings.maxDrift()) + 2);
    }
}
