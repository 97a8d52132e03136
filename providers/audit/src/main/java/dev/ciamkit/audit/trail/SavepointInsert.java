package dev.ciamkit.audit.trail;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.hibernate.HibernateException;
import org.hibernate.Session;
import org.keycloak.connections.jpa.util.JpaUtils;
import org.keycloak.models.KeycloakSession;

/**
 * Inserts records in the session's (the request's) transaction, as one JDBC batch behind one savepoint: they commit with
 * the request at no commit of their own, and go with it if it rolls back. A batch the database refuses is rolled back
 * to the savepoint, so the request's transaction goes on as if nothing was tried. The savepoint is set and rolled back
 * by SQL statement: the connection pool refuses {@code Connection.rollback(Savepoint)} on a connection enlisted in a
 * JTA transaction. Nothing here throws, and no driver message (it may quote the row) is logged.
 */
public final class SavepointInsert {

    /** What became of a batch. */
    public enum Outcome {
        /** In the request's transaction. */
        INSERTED,
        /** Refused and rolled back to the savepoint: the request's transaction is unharmed, the records are not in it. */
        REFUSED,
        /** No savepoint statements known for this database, or no transaction on the connection: nothing was tried. */
        UNSUPPORTED,
        /**
         * Refused, and the rollback to the savepoint failed: the database may have ended the request's transaction
         * (MySQL does on a deadlock), so what the request wrote so far is not what would commit.
         */
        BROKEN
    }

    private static final String INSERT = "insert into %s (ID, REALM_ID, CREATED_AT, KIND, EVENT_TYPE, OUTCOME,"
            + " USER_ID, CLIENT_ID, IP_ADDRESS, ERROR_CODE, BODY, INSERT_MAC) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String NAME = "CIAMKIT_AUDIT";
    private static final int PIPELINED_ROWS = 4;

    /** The savepoint statements of the server's database, decided at its first batch (null: none known). */
    private static volatile Statements statements;

    private static volatile boolean decided;

    private SavepointInsert() {}

    /** {@code pipelined}: the driver sends several statements of one prepared statement in one round trip. */
    private record Statements(String set, String rollback, String release, boolean pipelined) {}

    public static Outcome insert(KeycloakSession session, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return Outcome.INSERTED;
        }
        List<AuditRecordEntity> rows =
                entries.stream().map(e -> AuditTrail.sealed(session, e)).toList();
        EntityManager em = AuditTrail.em(session);
        try {
            String sql = INSERT.formatted(JpaUtils.getTableNameForNativeQuery("CIAMKIT_AUDIT_RECORD", em));
            return em.unwrap(Session.class).doReturningWork(connection -> insert(connection, sql, rows));
        } catch (HibernateException | IllegalStateException e) {
            // no connection to be had: nothing was tried on the request's transaction
            return Outcome.UNSUPPORTED;
        }
    }

    private static Outcome insert(Connection connection, String sql, List<AuditRecordEntity> rows) {
        Statements known;
        try {
            known = statements(connection);
            if (known == null || connection.getAutoCommit()) {
                // autocommit: a savepoint would not hold the rows back from a rollback of the request
                return Outcome.UNSUPPORTED;
            }
        } catch (SQLException e) {
            return Outcome.UNSUPPORTED;
        }
        // a request's one or two records; a partial import's thousands go as a JDBC batch (one SQL text per row
        // count up to this one in the driver's statement cache, not thousands)
        if (known.pipelined() && rows.size() <= PIPELINED_ROWS) {
            return pipelined(connection, known, sql, rows);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(known.set());
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (AuditRecordEntity row : rows) {
                    bind(insert, 1, row);
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException | RuntimeException refused) {
                try {
                    statement.execute(known.rollback());
                    return Outcome.REFUSED;
                } catch (SQLException e) {
                    return Outcome.BROKEN;
                }
            }
            if (known.release() != null) {
                try {
                    statement.execute(known.release());
                } catch (SQLException e) {
                    // a failed statement may have ended what the transaction can do (PostgreSQL): back to the savepoint
                    try {
                        statement.execute(known.rollback());
                        return Outcome.REFUSED;
                    } catch (SQLException lost) {
                        return Outcome.BROKEN;
                    }
                }
            }
            return Outcome.INSERTED;
        } catch (SQLException e) {
            // the savepoint itself was refused: nothing was inserted
            return Outcome.UNSUPPORTED;
        }
    }

    /**
     * The savepoint, then one multi-row insert and the release as one prepared statement: two round trips when all goes
     * well, where a savepoint, a batch and a release took three.
     */
    private static Outcome pipelined(
            Connection connection, Statements known, String sql, List<AuditRecordEntity> rows) {
        String values = sql.substring(sql.indexOf(" values ") + " values ".length());
        // the savepoint on its own first: a driver that sets savepoints of its own (pgjdbc's autosave) sets them
        // before each statement, so after ours, and a rollback to its own never removes ours
        try (Statement statement = connection.createStatement()) {
            statement.execute(known.set());
        } catch (SQLException e) {
            // on PostgreSQL a refused SAVEPOINT means the request's transaction is already lost
            return Outcome.BROKEN;
        }
        StringBuilder all = new StringBuilder(sql.substring(0, sql.indexOf(" values "))).append(" values ");
        for (int i = 0; i < rows.size(); i++) {
            all.append(i == 0 ? "" : ", ").append(values);
        }
        all.append("; ").append(known.release());
        try (PreparedStatement batch = connection.prepareStatement(all.toString())) {
            int first = 1;
            for (AuditRecordEntity row : rows) {
                first = bind(batch, first, row);
            }
            batch.execute();
            return Outcome.INSERTED;
        } catch (SQLException | RuntimeException refused) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(known.rollback());
                return Outcome.REFUSED;
            } catch (SQLException e) {
                // no savepoint to go back to (it was the savepoint that failed) or the transaction is gone
                return Outcome.BROKEN;
            }
        }
    }

    /** Binds a row's 12 values from parameter {@code first} on; returns the next parameter's index. */
    private static int bind(PreparedStatement insert, int first, AuditRecordEntity row) throws SQLException {
        int p = first;
        insert.setString(p++, row.getId());
        insert.setString(p++, row.getRealmId());
        insert.setLong(p++, row.getCreatedAt());
        insert.setString(p++, row.getKind());
        insert.setString(p++, row.getEventType());
        insert.setString(p++, row.getOutcome());
        insert.setString(p++, row.getUserId());
        insert.setString(p++, row.getClientId());
        insert.setString(p++, row.getIpAddress());
        insert.setString(p++, row.getErrorCode());
        insert.setString(p++, row.getBody());
        insert.setString(p++, row.getInsertMac());
        return p;
    }

    private static Statements statements(Connection connection) throws SQLException {
        if (!decided) {
            String product = connection.getMetaData().getDatabaseProductName();
            statements = switch (product == null ? "" : product) {
                // pgjdbc sends the statements of one prepared statement together: savepoint, insert and release in
                // one round trip, where each costs a context switch to the database on a busy machine
                case "PostgreSQL" ->
                    new Statements(
                            "SAVEPOINT " + NAME, "ROLLBACK TO SAVEPOINT " + NAME, "RELEASE SAVEPOINT " + NAME, true);
                case "MySQL", "MariaDB" ->
                    new Statements(
                            "SAVEPOINT " + NAME, "ROLLBACK TO SAVEPOINT " + NAME, "RELEASE SAVEPOINT " + NAME, false);
                // H2 has no RELEASE: the savepoint ends with the transaction
                case "H2" -> new Statements("SAVEPOINT " + NAME, "ROLLBACK TO SAVEPOINT " + NAME, null, false);
                default -> null;
            };
            decided = true;
        }
        return statements;
    }
}
