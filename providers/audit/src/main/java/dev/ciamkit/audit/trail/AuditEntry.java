package dev.ciamkit.audit.trail;

/**
 * A record as built from an event, before it is stored: the indexed columns and the canonical body the chain hashes.
 */
public record AuditEntry(
        String id,
        String realmId,
        long time,
        String kind,
        String eventType,
        String outcome,
        String userId,
        String clientId,
        String ipAddress,
        String error,
        String body) {

    /** The indexed columns as the chain hashes them (the stored row gives the same, {@link AuditRecordEntity}). */
    public String columns() {
        return dev.ciamkit.audit.chain.ChainHash.columns(
                id, time, kind, eventType, outcome, userId, clientId, ipAddress, error);
    }
}
