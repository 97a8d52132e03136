package dev.ciamkit.otp.store;

import dev.ciamkit.otp.credential.DeviceData;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Reads and writes device-state rows in the session's transaction. The credential's public data stays the source of
 * the policy and the device id; the row holds what changes at each login.
 */
public final class DeviceStates {

    private final EntityManager em;

    public DeviceStates(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /**
     * The row, locked until the transaction ends ({@code SELECT ... FOR UPDATE} on H2 and PostgreSQL); null when it
     * does not exist. Call it on a fresh session, so the row is read under the lock and not taken from the
     * persistence context.
     */
    public OtpDeviceStateEntity lock(String credentialId) {
        return em.find(OtpDeviceStateEntity.class, credentialId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Locks every device row of the user until the transaction ends and says how many there are. A row a concurrent
     * transaction deleted (its credential removed, the row going by cascade) is not counted once that one commits.
     */
    public int lockAllOf(String realmId, String userId) {
        // in key order, so two removals for one user take the locks in the same order; the realm for the index
        return em.createQuery(
                        "select d from OtpDeviceStateEntity d where d.realmId = :realm and d.userId = :user"
                                + " order by d.credentialId",
                        OtpDeviceStateEntity.class)
                .setParameter("realm", realmId)
                .setParameter("user", userId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .size();
    }

    public OtpDeviceStateEntity find(String credentialId) {
        return em.find(OtpDeviceStateEntity.class, credentialId);
    }

    /** Writes what the transaction holds so far, e.g. a new credential row before ours refers to it. */
    public void flush() {
        em.flush();
    }

    /** A new row for a device, from the state its credential data holds (at enrolment, or migrated). */
    public OtpDeviceStateEntity create(
            String realmId, String userId, String credentialId, DeviceData data, long createdMillis) {
        OtpDeviceStateEntity row = new OtpDeviceStateEntity();
        row.setCredentialId(credentialId);
        row.setRealmId(realmId);
        row.setUserId(userId);
        row.setType(data.type().name());
        row.setAlgorithm(data.algorithm().name());
        row.setDigits(data.digits());
        row.setPeriod(data.period());
        row.setCounter(data.counter());
        row.setLastStep(data.lastStep());
        row.setDrift(data.drift());
        row.setFailures(data.failures());
        row.setLockedUntil(data.lockedUntil());
        row.setLastUsed(data.lastUsed());
        row.setCreated(createdMillis);
        em.persist(row);
        return row;
    }

    /** The device's data with the row's state in place of whatever the credential data still holds. */
    public static DeviceData current(DeviceData credentialData, OtpDeviceStateEntity row) {
        return new DeviceData(
                credentialData.deviceId(),
                credentialData.type(),
                credentialData.algorithm(),
                credentialData.digits(),
                credentialData.period(),
                row.getCounter(),
                row.getLastStep(),
                row.getDrift(),
                row.getFailures(),
                row.getLockedUntil(),
                row.getLastUsed());
    }

    /**
     * Writes a decided state. The HOTP counter and the last TOTP step only move forward: a code at or below them is
     * never accepted again, however late it comes, which is what bounds the replay memory.
     */
    public static void write(OtpDeviceStateEntity row, DeviceData next) {
        row.setCounter(Math.max(row.getCounter(), next.counter()));
        row.setLastStep(Math.max(row.getLastStep(), next.lastStep()));
        row.setDrift(next.drift());
        row.setFailures(next.failures());
        row.setLockedUntil(next.lockedUntil());
        row.setLastUsed(next.lastUsed());
    }
}
