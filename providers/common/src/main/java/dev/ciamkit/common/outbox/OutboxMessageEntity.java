package dev.ciamkit.common.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A side effect waiting for delivery: written in the transaction of the work that causes it, deleted once its handler
 * has delivered it. Delivery order within a stream (realm and topic) is {@code ORDER_KEY}, then id.
 */
@Entity
@Table(name = "CIAMKIT_OUTBOX")
public class OutboxMessageEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "TOPIC", length = 64, nullable = false)
    private String topic;

    @Column(name = "ORDER_KEY", nullable = false)
    private long orderKey;

    @Column(name = "PAYLOAD", length = 4000)
    private String payload;

    /** Epoch milliseconds, Keycloak's clock. */
    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "NEXT_ATTEMPT_AT", nullable = false)
    private long nextAttemptAt;

    /** Why the last attempt failed, safe to show (never payload content). */
    @Column(name = "LAST_ERROR", length = 255)
    private String lastError;

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

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public long getOrderKey() {
        return orderKey;
    }

    public void setOrderKey(long orderKey) {
        this.orderKey = orderKey;
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        this.payload = payload;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public void setAttempts(int attempts) {
        this.attempts = attempts;
    }

    public long getNextAttemptAt() {
        return nextAttemptAt;
    }

    public void setNextAttemptAt(long nextAttemptAt) {
        this.nextAttemptAt = nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public void setLastError(String lastError) {
        this.lastError = lastError;
    }
}
