package dev.ciamkit.otp.admin;

import java.time.Instant;

/** One enrolled device as the report shows it; never the seed. */
public record DeviceRow(
        String userId,
        String username,
        String credentialId,
        String label,
        String type,
        String algorithm,
        int digits,
        int period,
        String created,
        String lastUsed,
        boolean locked,
        String lockedUntil,
        int failures) {

    static DeviceRow of(
            String userId,
            String username,
            String credentialId,
            String label,
            Long createdMillis,
            String type,
            String algorithm,
            int digits,
            int period,
            long lastUsed,
            long lockedUntil,
            int failures,
            long now) {
        boolean locked = lockedUntil > now;
        return new DeviceRow(
                userId,
                username,
                credentialId,
                label,
                type,
                algorithm,
                digits,
                period,
                createdMillis == null
                        ? null
                        : Instant.ofEpochMilli(createdMillis).toString(),
                lastUsed == 0 ? null : Instant.ofEpochSecond(lastUsed).toString(),
                locked,
                locked ? Instant.ofEpochSecond(lockedUntil).toString() : null,
                failures);
    }

    String state() {
        return locked ? "locked" : "active";
    }
}
