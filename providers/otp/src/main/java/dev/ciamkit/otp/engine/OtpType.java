package dev.ciamkit.otp.engine;

/** Time-based (RFC 6238) or event-based (RFC 4226) codes. */
public enum OtpType {
    TOTP,
    HOTP
}
