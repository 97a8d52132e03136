package dev.ciamkit.otp.credential;

/**
 * Per-device lock-out on top of Keycloak's brute-force protector.
 *
 * @param maxFailures consecutive wrong codes that lock the device (1 to 100)
 * @param lockSeconds how long it stays locked; an admin can unlock earlier
 */
public record LockPolicy(int maxFailures, long lockSeconds) {

    public static final LockPolicy DEFAULT = new LockPolicy(5, 900);

    public LockPolicy {
        if (maxFailures < 1 || maxFailures > 100) {
            throw new IllegalArgumentException("maxFailures must be between 1 and 100, not " + maxFailures);
        }
        if (lockSeconds < 1) {
            throw new IllegalArgumentException("lockSeconds must be positive");
        }
    }
}
