package dev.ciamkit.risk.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One assessment, for the admin report: a login's (each time the evaluator ran) or a refresh's that ended the session.
 * It holds the level, score and reason codes, never an address, a place or a device id: the report explains a
 * decision, Keycloak's own events keep the address. Rows go with their user or realm (Keycloak's removal events, so
 * federated users without a local row are covered too), are bounded per user and purged after the retention the server
 * sets.
 */
@Entity
@Table(name = "CIAMKIT_RISK_ASSESSMENT")
public class RiskAssessmentEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 255, nullable = false)
    private String userId;

    /** Epoch milliseconds, Keycloak's clock. */
    @Column(name = "ASSESSED_AT", nullable = false)
    private long assessedAt;

    @Column(name = "PHASE", length = 8, nullable = false)
    private String phase;

    @Column(name = "RISK_LEVEL", length = 10, nullable = false)
    private String level;

    @Column(name = "SCORE", nullable = false)
    private int score;

    /** Comma-separated reason codes, cut to the column. */
    @Column(name = "REASONS", length = 1000)
    private String reasons;

    /** The client's clientId (not its internal id), so the report stays readable after the client is gone. */
    @Column(name = "CLIENT_ID", length = 255)
    private String clientId;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
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

    public long getAssessedAt() {
        return assessedAt;
    }

    public void setAssessedAt(long assessedAt) {
        this.assessedAt = assessedAt;
    }

    public String getPhase() {
        return phase;
    }

    public void setPhase(String phase) {
        this.phase = phase;
    }

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    public int getScore() {
        return score;
    }

    public void setScore(int score) {
        this.score = score;
    }

    public String getReasons() {
        return reasons;
    }

    public void setReasons(String reasons) {
        this.reasons = reasons;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }
}
