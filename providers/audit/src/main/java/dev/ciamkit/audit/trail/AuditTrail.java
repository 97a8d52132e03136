package dev.ciamkit.audit.trail;

import dev.ciamkit.audit.chain.ChainHash;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** Inserts records (never updates or deletes one: only the linker completes a record, once). */
public final class AuditTrail {

    private AuditTrail() {}

    /** Inserts the record with its insertion MAC, in the session's transaction. */
    public static void insert(KeycloakSession session, AuditEntry entry) {
        em(session).persist(sealed(session, entry));
    }

    static AuditRecordEntity sealed(KeycloakSession session, AuditEntry entry) {
        AuditRecordEntity row = row(entry);
        row.setInsertMac(session.getProvider(EnvelopeProvider.class)
                .hashIdentifier(
                        ChainHash.INSERT_PURPOSE,
                        ChainHash.insertInput(row.getId(), row.getRealmId(), row.columns(), row.getBody())));
        return row;
    }

    private static AuditRecordEntity row(AuditEntry entry) {
        AuditRecordEntity row = new AuditRecordEntity();
        row.setId(entry.id());
        row.setRealmId(entry.realmId());
        row.setCreatedAt(entry.time());
        row.setKind(entry.kind());
        row.setEventType(entry.eventType());
        row.setOutcome(entry.outcome());
        row.setUserId(entry.userId());
        row.setClientId(entry.clientId());
        row.setIpAddress(entry.ipAddress());
        row.setErrorCode(entry.error());
        row.setBody(entry.body());
        return row;
    }

    public static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
