package dev.ciamkit.otp.engine;

/**
 * @param window TOTP steps accepted either side of the expected one
 * @param maxDrift bound on the remembered clock offset, in steps
 * @param hotpLookAhead HOTP counter values tried after the expected one
 * @param hotpResyncWindow HOTP counter values searched when resynchronising with two consecutive codes
 */
public record VerifierSettings(int window, int maxDrift, int hotpLookAhead, int hotpResyncWindow) {

    public static final VerifierSettings DEFAULT = new VerifierSettings(1, 4, 5, 100);

    public VerifierSettings {
        require("window", window, 0, 10);
        require("maxDrift", maxDrift, 0, 60);
        require("hotpLookAhead", hotpLookAhead, 0, 100);
        require("hotpResyncWindow", hotpResyncWindow, 1, 1000);
    }

    private static void require(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + value);
        }
    }
}
