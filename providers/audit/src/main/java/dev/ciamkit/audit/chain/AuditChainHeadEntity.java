package dev.ciamkit.audit.chain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The last linked record of a realm's chain. Its version makes two linkers that both believed they held the lock
 * fail instead of forking the chain: one commits, the other rolls back and links again.
 */
@Entity
@Table(name = "CIAMKIT_AUDIT_HEAD")
public class AuditChainHeadEntity {

    @Id
    @Column(name = "REALM_ID", length = 36)
    private String realmId;

    @Column(name = "SEQ", nullable = false)
    private long seq;

    @Column(name = "HASH", length = 64, nullable = false)
    private String hash;

    @Version
    @Column(name = "VERSION")
    private int version;

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public long getSeq() {
        return seq;
    }

    public void setSeq(long seq) {
        this.seq = seq;
    }

    public String getHash() {
        return hash;
    }

    public void setHash(String hash) {
        this.hash = hash;
    }

    public int getVersion() {
        return version;
    }
}
