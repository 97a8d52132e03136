package dev.ciamkit.otp.credential;

import dev.ciamkit.otp.engine.DeviceState;
import dev.ciamkit.otp.engine.OtpAlgorithm;
import dev.ciamkit.otp.engine.OtpPolicy;
import dev.ciamkit.otp.engine.OtpType;

/**
 * The public credential data of one enrolled device: its policy and its verification state. Nothing here is secret;
 * the seed lives in the credential's secret data, sealed.
 *
 * @param deviceId random id bound into the sealed seed's context, so a seed cannot be moved to another row
 * @param lockedUntil epoch seconds; 0 when not locked
 * @param lastUsed epoch seconds of the last accepted code; 0 before the first login
 */
public record DeviceData(
        String deviceId,
        OtpType type,
        OtpAlgorithm algorithm,
        int digits,
        int period,
        long counter,
        long lastStep,
        int drift,
        int failures,
        long lockedUntil,
        long lastUsed) {

    public static DeviceData enrolled(String deviceId, OtpPolicy policy, DeviceState state, long now) {
        return new DeviceData(
                deviceId,
                policy.type(),
                policy.algorithm(),
                policy.digits(),
                policy.period(),
                state.counter(),
                state.lastStep(),
                state.drift(),
                0,
                0,
                now);
    }

    public OtpPolicy policy() {
        return new OtpPolicy(type, algorithm, digits, period);
    }

    public DeviceState state() {
        return new DeviceState(counter, lastStep, drift);
    }

    public boolean lockedAt(long now) {
        return lockedUntil > now;
    }

    public DeviceData accepted(DeviceState next, long now) {
        return new DeviceData(
                deviceId, type, algorithm, digits, period, next.counter(), next.lastStep(), next.drift(), 0, 0, now);
    }

    /** One more consecutive failure; the device locks for {@code lockSeconds} when it reaches {@code maxFailures}. */
    public DeviceData failed(int maxFailures, long lockSeconds, long now) {
        int count = failures + 1;
        boolean lock = count >= maxFailures;
        return new DeviceData(
                deviceId,
                type,
                algorithm,
                digits,
                period,
                counter,
                lastStep,
                drift,
                lock ? 0 : count,
                lock ? now + lockSeconds : lockedUntil,
                lastUsed);
    }

    public DeviceData unlocked() {
        return new DeviceData(deviceId, type, algorithm, digits, period, counter, lastStep, drift, 0, 0, lastUsed);
    }
}
