package dev.ciamkit.otp.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The mutable state of one mobile-OTP device, one row per credential. It lives apart from Keycloak's credential row so
 * that a login updates one small row under a row lock (no credential write, no user-cache invalidation), and so that
 * the admin report can filter and group in SQL. The row goes with its credential: the foreign key to
 * {@code CREDENTIAL(ID)} cascades on delete. Nothing here is secret.
 */
@Entity
@Table(name = "CIAMKIT_OTP_DEVICE")
public class OtpDeviceStateEntity {

    @Id
    @Column(name = "CREDENTIAL_ID", length = 36)
    private String credentialId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "OTP_TYPE", length = 8, nullable = false)
    private String type;

    @Column(name = "ALGORITHM", length = 16, nullable = false)
    private String algorithm;

    @Column(name = "OTP_DIGITS", nullable = false)
    private int digits;

    @Column(name = "OTP_PERIOD", nullable = false)
    private int period;

    @Column(name = "COUNTER", nullable = false)
    private long counter;

    @Column(name = "LAST_STEP", nullable = false)
    private long lastStep;

    @Column(name = "DRIFT", nullable = false)
    private int drift;

    @Column(name = "FAILURES", nullable = false)
    private int failures;

    @Column(name = "LOCKED_UNTIL", nullable = false)
    private long lockedUntil;

    @Column(name = "LAST_USED", nullable = false)
    private long lastUsed;

    @Column(name = "CREATED", nullable = false)
    private long created;

    // Writes happen under a row lock; the version is a second guard and tells operators a row changed.
    @Version
    @Column(name = "VERSION", nullable = false)
    private int version;

    public String getCredentialId() {
        return credentialId;
    }

    public void setCredentialId(String credentialId) {
        this.credentialId = credentialId;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public void setAlgorithm(String algorithm) {
        this.algorithm = algorithm;
    }

    public int getDigits() {
        return digits;
    }

    public void setDigits(int digits) {
        this.digits = digits;
    }

    public int getPeriod() {
        return period;
    }

    public void setPeriod(int period) {
        this.period = period;
    }

    public long getCounter() {
        return counter;
    }

    public void setCounter(long counter) {
        this.counter = counter;
    }

    public long getLastStep() {
        return lastStep;
    }

    public void setLastStep(long lastStep) {
        this.lastStep = lastStep;
    }

    public int getDrift() {
        return drift;
    }

    public void setDrift(int drift) {
        this.drift = drift;
    }

    public int getFailures() {
        return failures;
    }

    public void setFailures(int failures) {
        this.failures = failures;
    }

    public long getLockedUntil() {
        return lockedUntil;
    }

    public void setLockedUntil(long lockedUntil) {
        this.lockedUntil = lockedUntil;
    }

    public long getLastUsed() {
        return lastUsed;
    }

    public void setLastUsed(long lastUsed) {
        this.lastUsed = lastUsed;
    }

    public long getCreated() {
        return created;
    }

    public void setCreated(long created) {
        this.created = created;
    }

    public int getVersion() {
        return version;
    }
}
