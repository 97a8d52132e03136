package dev.ciamkit.audit.trail;

import dev.ciamkit.audit.chain.ChainHash;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import org.hibernate.HibernateException;
import org.hibernate.Session;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.util.JpaUtils;
import org.keycloak.models.KeycloakSession;

/** Inserts records (never updates or deletes one: only the linker completes a record, once). */
public final class AuditTrail {

    private AuditTrail() {}

    private static final String INSERT = "insert into %s (ID, REALM_ID, CREATED_AT, KIND, EVENT_TYPE, OUTCOME,"
            + " USER_ID, CLIENT_ID, IP_ADDRESS, ERROR_CODE, BODY, INSERT_MAC) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Inserts the record with its insertion MAC, in the session's transaction. */
    public static void insert(KeycloakSession session, AuditEntry entry) {
        em(session).persist(sealed(session, entry));
    }

    /**
     * Inserts the record in the session's (the request's) transaction behind a savepoint, at once: the record commits
     * with the request and goes with it if it rolls back, and costs no commit of its own. A statement the database
     * refuses is rolled back to the savepoint, so the request's transaction goes on as if nothing was tried; then this
     * throws, and the caller writes the record another way (or counts it lost).
     *
     * @throws PersistenceException when the record was not inserted (the request's transaction is unharmed unless the
     *     connection itself failed)
     */
    public static void insertBehindSavepoint(KeycloakSession session, AuditEntry entry) {
        AuditRecordEntity row = sealed(session, entry);
        EntityManager em = em(session);
        String sql = INSERT.formatted(JpaUtils.getTableNameForNativeQuery("CIAMKIT_AUDIT_RECORD", em));
        try {
            em.unwrap(Session.class).doWork(connection -> {
                Savepoints savepoints = Savepoints.of(connection);
                if (savepoints == null) {
                    throw new SQLFeatureNotSupportedException("no savepoint statements for this database");
                }
                // as statements: the pool refuses Connection.rollback(Savepoint) on a connection in a JTA transaction
                try (Statement statement = connection.createStatement()) {
                    statement.execute(savepoints.set());
                    try (PreparedStatement insert = connection.prepareStatement(sql)) {
                        insert.setString(1, row.getId());
                        insert.setString(2, row.getRealmId());
                        insert.setLong(3, row.getCreatedAt());
                        insert.setString(4, row.getKind());
                        insert.setString(5, row.getEventType());
                        insert.setString(6, row.getOutcome());
                        insert.setString(7, row.getUserId());
                        insert.setString(8, row.getClientId());
                        insert.setString(9, row.getIpAddress());
                        insert.setString(10, row.getErrorCode());
                        insert.setString(11, row.getBody());
                        insert.setString(12, row.getInsertMac());
                        insert.executeUpdate();
                    } catch (SQLException | RuntimeException e) {
                        statement.execute(savepoints.rollback());
                        throw e;
                    }
                    if (savepoints.release() != null) {
                        statement.execute(savepoints.release());
                    }
                }
            });
        } catch (HibernateException e) {
            throw new PersistenceException("audit record not inserted", e);
        }
    }

    /** The savepoint statements of the databases whose syntax is known; others write after the request's commit. */
    private record Savepoints(String set, String rollback, String release) {

        private static final String NAME = "CIAMKIT_AUDIT";

        static Savepoints of(java.sql.Connection connection) throws SQLException {
            String product = connection.getMetaData().getDatabaseProductName();
            return switch (product == null ? "" : product) {
                case "PostgreSQL", "MySQL", "MariaDB" ->
                    new Savepoints("SAVEPOINT " + NAME, "ROLLBACK TO SAVEPOINT " + NAME, "RELEASE SAVEPOINT " + NAME);
                // H2 has no RELEASE: the savepoint ends with the transaction
                case "H2" -> new Savepoints("SAVEPOINT " + NAME, "ROLLBACK TO SAVEPOINT " + NAME, null);
                default -> null;
            };
        }
    }

    private static AuditRecordEntity sealed(KeycloakSession session, AuditEntry entry) {
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
