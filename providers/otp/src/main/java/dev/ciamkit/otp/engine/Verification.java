package dev.ciamkit.otp.engine;

/** The result of checking one code: never null, never an exception for a wrong code. */
public sealed interface Verification {

    /** @param position the time step (TOTP) or counter (HOTP) the code belongs to */
    record Accepted(long position, DeviceState next) implements Verification {}

    /** The code is right but belongs to a step at or before the last one accepted (RFC 6238 section 5.2). */
    record Replayed(long position) implements Verification {}

    record Rejected() implements Verification {}
}
