package dev.ciamkit.otp.engine;

import java.util.Locale;

/** The HMAC behind the codes, with the names the otpauth URI and JCA use. */
public enum OtpAlgorithm {
    SHA1("HmacSHA1"),
    SHA256("HmacSHA256"),
    SHA512("HmacSHA512");

    private final String jcaName;

    OtpAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    public String jcaName() {
        return jcaName;
    }

    /** Accepts {@code SHA1}, {@code HmacSHA1}, {@code sha-1} and the like. */
    public static OtpAlgorithm parse(String value) {
        String normalized =
                value.trim().toUpperCase(Locale.ROOT).replace("HMAC", "").replace("-", "");
        for (OtpAlgorithm algorithm : values()) {
            if (algorithm.name().equals(normalized)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unknown OTP algorithm '" + value + "'; use SHA1, SHA256 or SHA512");
    }
}
