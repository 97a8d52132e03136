package dev.ciamkit.audit.trail;

import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** Inserts records (never updates or deletes one: only the linker completes a record, once). */
public final class AuditTrail {

    private AuditTrail() {}

    public static void insert(EntityManager em, AuditEntry entry) {
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
        em.persist(row);
    }

    public static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
