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

    /**
     * The row's changing state as committed, read without a lock and without putting the row into the persistence
     * context (so a later query or update is never answered from a stale copy); null when there is no row.
     */
    public Stored read(String credentialId) {
        return em.createQuery(
                        "select d.counter, d.lastStep, d.drift, d.failures, d.lockedUntil, d.lastUsed"
                                + " from OtpDeviceStateEntity d where d.credentialId = :id",
                        Object[].class)
                .setParameter("id", credentialId)
                .getResultStream()
                .findFirst()
                .map(r ->
                        new Stored((Long) r[0], (Long) r[1], (Integer) r[2], (Integer) r[3], (Long) r[4], (Long) r[5]))
                .orElse(null);
    }

    /**
     * Records an accepted TOTP step in the caller's transaction, as one conditional update: only when no later or equal
     * step was accepted meanwhile and the device is not locked at {@code now}. The database decides under the row's
     * lock (a concurrent failure that locked the device, or a newer step, wins), and the lock is held until the
     * caller's transaction ends. False when the condition no longer held: nothing was written.
     */
    public boolean acceptStep(String credentialId, long step, int drift, long now) {
        return em.createQuery("update OtpDeviceStateEntity d set d.lastStep = :step, d.drift = :drift,"
                                + " d.failures = 0, d.lockedUntil = 0, d.lastUsed = :now, d.version = d.version + 1"
                                + " where d.credentialId = :id and d.lastStep < :step and d.lockedUntil <= :now")
                        .setParameter("step", step)
                        .setParameter("drift", drift)
                        .setParameter("now", now)
                        .setParameter("id", credentialId)
                        .executeUpdate()
                == 1;
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
        return new Stored(
                        row.getCounter(),
                        row.getLastStep(),
                        row.getDrift(),
                        row.getFailures(),
                        row.getLockedUntil(),
                        row.getLastUsed())
                .on(credentialData);
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

    /** What a device row holds that changes at each login. */
    public record Stored(long counter, long lastStep, int drift, int failures, long lockedUntil, long lastUsed) {

        /** The device's data with this state in place of whatever the credential data still holds. */
        public DeviceData on(DeviceData credentialData) {
            return new DeviceData(
                    credentialData.deviceId(),
                    credentialData.type(),
                    credentialData.algorithm(),
                    credentialData.digits(),
                    credentialData.period(),
                    counter,
                    lastStep,
                    drift,
                    failures,
                    lockedUntil,
                    lastUsed);
        }
    }
}
