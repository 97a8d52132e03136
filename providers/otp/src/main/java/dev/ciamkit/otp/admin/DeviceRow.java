package dev.ciamkit.otp.admin;

import dev.ciamkit.otp.credential.DeviceData;
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
            DeviceData data,
            long now) {
        boolean locked = data.lockedAt(now);
        return new DeviceRow(
                userId,
                username,
                credentialId,
                label,
                data.type().name(),
                data.algorithm().name(),
                data.digits(),
                data.period(),
                createdMillis == null
                        ? null
                        : Instant.ofEpochMilli(createdMillis).toString(),
                data.lastUsed() == 0
                        ? null
                        : Instant.ofEpochSecond(data.lastUsed()).toString(),
                locked,
                locked ? Instant.ofEpochSecond(data.lockedUntil()).toString() : null,
                data.failures());
    }

    String state() {
        return locked ? "locked" : "active";
    }
}
