package dev.ciamkit.audit.anomaly;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How far the anomaly detector has read a realm's chain: the number of the last record it evaluated. */
@Entity
@Table(name = "CIAMKIT_AUDIT_ANOMALY_CURSOR")
public class AnomalyCursorEntity {

    @Id
    @Column(name = "REALM_ID", length = 36)
    private String realmId;

    @Column(name = "SEQ", nullable = false)
    private long seq;

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
}
