package dev.ciamkit.otp.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The failure count and lock of one PIN, one row per PIN credential, beside Keycloak's credential row so that each
 * check can lock it ({@code SELECT ... FOR UPDATE}) and count atomically across requests and nodes. The row goes with
 * its credential (foreign key to {@code CREDENTIAL(ID)}, cascading on delete). Nothing here is secret.
 */
@Entity
@Table(name = "CIAMKIT_PIN_STATE")
public class PinStateEntity {

    @Id
    @Column(name = "CREDENTIAL_ID", length = 36)
    private String credentialId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    @Column(name = "FAILURES", nullable = false)
    private int failures;

    /** Epoch seconds the PIN locked at; 0 while it is not locked. A lock lasts until an admin lifts it. */
    @Column(name = "LOCKED_AT", nullable = false)
    private long lockedAt;

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

    public int getFailures() {
        return failures;
    }

    public void setFailures(int failures) {
        this.failures = failures;
    }

    public long getLockedAt() {
        return lockedAt;
    }

    public void setLockedAt(long lockedAt) {
        this.lockedAt = lockedAt;
    }

    public boolean isLocked() {
        return lockedAt != 0;
    }

    public int getVersion() {
        return version;
    }
}
