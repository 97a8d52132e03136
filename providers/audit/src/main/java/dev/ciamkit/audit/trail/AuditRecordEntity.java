package dev.ciamkit.audit.trail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.OptimisticLockType;
import org.hibernate.annotations.OptimisticLocking;

/**
 * One audit record. A request only inserts it (sequence, hashes and MAC empty); the chain linker numbers it in its
 * realm's chain moments later and sets the hash over the previous record's hash, its number, its columns and its
 * canonical body, and a MAC over that hash with a key outside the database. No API of ours updates a linked record; only
 * the retention purge deletes any (a prefix of the chain, anchored by a purge record).
 */
// the linker sets only the chain columns: its batched UPDATE leaves the body and the indexed event columns alone, and
// names their old values (LINKED_AT IS NULL...) in its WHERE: a row linked meanwhile fails the batch's row count
@DynamicUpdate
@OptimisticLocking(type = OptimisticLockType.DIRTY)
@Entity
@Table(name = "CIAMKIT_AUDIT_RECORD")
public class AuditRecordEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "KIND", length = 8, nullable = false)
    private String kind;

    @Column(name = "EVENT_TYPE", length = 64, nullable = false)
    private String eventType;

    @Column(name = "OUTCOME", length = 8, nullable = false)
    private String outcome;

    @Column(name = "USER_ID", length = 255)
    private String userId;

    @Column(name = "CLIENT_ID", length = 255)
    private String clientId;

    @Column(name = "IP_ADDRESS", length = 64)
    private String ipAddress;

    @Column(name = "ERROR_CODE", length = 64)
    private String errorCode;

    @Column(name = "BODY", length = 4000, nullable = false)
    private String body;

    @Column(name = "SEQ")
    private Long seq;

    @Column(name = "PREV_HASH", length = 64)
    private String prevHash;

    @Column(name = "HASH", length = 64)
    private String hash;

    @Column(name = "MAC", length = 128)
    private String mac;

    @Column(name = "LINKED_AT")
    private Long linkedAt;

    @Column(name = "INSERT_MAC", length = 128)
    private String insertMac;

    public String getInsertMac() {
        return insertMac;
    }

    public void setInsertMac(String insertMac) {
        this.insertMac = insertMac;
    }

    /** The indexed columns as the chain hashes them. */
    public String columns() {
        return dev.ciamkit.audit.chain.ChainHash.columns(
                id, createdAt, kind, eventType, outcome, userId, clientId, ipAddress, errorCode);
    }

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

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getEventType() {
        return eventType;
    }

    public void setEventType(String eventType) {
        this.eventType = eventType;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getIpAddress() {
        return ipAddress;
    }

    public void setIpAddress(String ipAddress) {
        this.ipAddress = ipAddress;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public void setErrorCode(String errorCode) {
        this.errorCode = errorCode;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public Long getSeq() {
        return seq;
    }

    public void setSeq(Long seq) {
        this.seq = seq;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public void setPrevHash(String prevHash) {
        this.prevHash = prevHash;
    }

    public String getHash() {
        return hash;
    }

    public void setHash(String hash) {
        this.hash = hash;
    }

    public String getMac() {
        return mac;
    }

    public void setMac(String mac) {
        this.mac = mac;
    }

    public Long getLinkedAt() {
        return linkedAt;
    }

    public void setLinkedAt(Long linkedAt) {
        this.linkedAt = linkedAt;
    }
}
