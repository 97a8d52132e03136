package dev.ciamkit.otp.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;

/**
 * Checks a code against a device's seed, policy and remembered state. Pure: the caller persists the next state and
 * guards replays across nodes. Codes compare in constant time.
 */
public final class OtpVerifier {

    private final VerifierSettings settings;

    public OtpVerifier(VerifierSettings settings) {
        this.settings = settings;
    }

    public Verification verify(byte[] seed, OtpPolicy policy, DeviceState state, String code, long epochSeconds) {
        if (!wellFormed(code, policy)) {
            return new Verification.Rejected();
        }
        return policy.type() == OtpType.TOTP
                ? verifyTotp(seed, policy, state, code, epochSeconds)
                : verifyHotp(seed, policy, state, code);
    }

    /**
     * HOTP resynchronisation: two consecutive codes found within the resync window move the counter past them.
     * Codes at or below the current counter are never accepted.
     */
    public Verification resync(byte[] seed, OtpPolicy policy, DeviceState state, String first, String second) {
        if (policy.type() != OtpType.HOTP || !wellFormed(first, policy) || !wellFormed(second, policy)) {
            return new Verification.Rejected();
        }
        for (long c = state.counter(); c < state.counter() + settings.hotpResyncWindow(); c++) {
            if (matches(seed, c, policy, first) && matches(seed, c + 1, policy, second)) {
                return new Verification.Accepted(c + 1, new DeviceState(c + 2, state.lastStep(), state.drift()));
            }
        }
        return new Verification.Rejected();
    }

    /**
     * A code as typed, the one normaliser every form that takes a code uses: NFKC first, because Japanese and Korean
     * input methods type full-width digits and spaces ({@code １２３　４５６}) that are the same code to the person;
     * then every space removed (apps show "123 456"). Null when nothing is left. Digits NFKC does not fold (other
     * scripts) stay as typed and are refused as malformed.
     */
    public static String typedCode(String typed) {
        // no code or PIN is longer; a huge field is malformed before any normalization work
        if (typed == null || typed.length() > 64) {
            return null;
        }
        String normalized = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        StringBuilder code = new StringBuilder(normalized.length());
        normalized
                .codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(code::appendCodePoint);
        return code.isEmpty() ? null : code.toString();
    }

    public static long step(long epochSeconds, int period) {
        return Math.floorDiv(epochSeconds, period);
    }

    private Verification verifyTotp(byte[] seed, OtpPolicy policy, DeviceState state, String code, long now) {
        long actual = step(now, policy.period());
        long expected = actual + state.drift();
        // Nearest steps first, so a code is matched to the step the device most likely used.
        for (int distance = 0; distance <= settings.window(); distance++) {
            for (int sign : distance == 0 ? new int[] {1} : new int[] {-1, 1}) {
                long candidate = expected + (long) sign * distance;
                if (candidate >= 0 && matches(seed, candidate, policy, code)) {
                    if (candidate <= state.lastStep()) {
                        return new Verification.Replayed(candidate);
                    }
                    int drift = (int) Math.max(-settings.maxDrift(), Math.min(settings.maxDrift(), candidate - actual));
                    return new Verification.Accepted(candidate, new DeviceState(state.counter(), candidate, drift));
                }
            }
        }
        return new Verification.Rejected();
    }

    private Verification verifyHotp(byte[] seed, OtpPolicy policy, DeviceState state, String code) {
        for (long c = state.counter(); c <= state.counter() + settings.hotpLookAhead(); c++) {
            if (matches(seed, c, policy, code)) {
                return new Verification.Accepted(c, new DeviceState(c + 1, state.lastStep(), state.drift()));
            }
        }
        return new Verification.Rejected();
    }

    private static boolean matches(byte[] seed, long position, OtpPolicy policy, String code) {
        String expected = Hotp.code(seed, position, policy.algorithm(), policy.digits());
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean wellFormed(String code, OtpPolicy policy) {
        if (code == null || code.length() != policy.digits()) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
