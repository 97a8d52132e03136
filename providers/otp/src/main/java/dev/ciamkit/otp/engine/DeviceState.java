package dev.ciamkit.otp.engine;

/**
 * What a device's verification remembers between logins.
 *
 * @param counter HOTP: the next counter value expected
 * @param lastStep TOTP: the last time step accepted (-1 before the first); older or equal steps are never accepted
 * @param drift TOTP: the device clock's offset in steps, learned from the last accepted code
 */
public record DeviceState(long counter, long lastStep, int drift) {

    public static final DeviceState NEW = new DeviceState(0, -1, 0);
}
