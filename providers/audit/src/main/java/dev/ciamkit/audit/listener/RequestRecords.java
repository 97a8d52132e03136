package dev.ciamkit.audit.listener;

import dev.ciamkit.audit.trail.AuditEntry;
import dev.ciamkit.audit.trail.SavepointInsert;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransactionManager;

/**
 * The success records of one request transaction (fail-open): gathered as the events come, then inserted just before
 * the transaction commits (a prepare participant), as one batch behind one savepoint, whatever their number (a partial
 * import sends one event per item: one savepoint per event would overflow PostgreSQL's subtransaction cache). What was
 * not inserted there (refused, no savepoints on this database, an event after the prepare) is written after the commit
 * by {@code afterCommit}; nothing when the request rolls back.
 */
final class RequestRecords {

    private static final String ATTRIBUTE = RequestRecords.class.getName();

    private final KeycloakSession session;
    private final List<AuditEntry> waiting = new ArrayList<>();
    private final List<AuditEntry> inserted = new ArrayList<>();
    private final java.util.function.BiConsumer<List<AuditEntry>, Long> appended;
    private long insertNanos;
    private final Consumer<List<AuditEntry>> afterCommit;
    private final Runnable broken;

    private RequestRecords(
            KeycloakSession session,
            java.util.function.BiConsumer<List<AuditEntry>, Long> appended,
            Consumer<List<AuditEntry>> afterCommit,
            Runnable broken) {
        this.session = session;
        this.appended = appended;
        this.afterCommit = afterCommit;
        this.broken = broken;
    }

    /**
     * Adds the entry to the records of the session's active transaction; false when there is no such transaction to
     * join (the caller writes the record itself).
     */
    static boolean add(
            KeycloakSession session,
            AuditEntry entry,
            java.util.function.BiConsumer<List<AuditEntry>, Long> appended,
            Consumer<List<AuditEntry>> afterCommit,
            Runnable broken) {
        KeycloakTransactionManager tm = session.getTransactionManager();
        if (!tm.isActive() || tm.getRollbackOnly()) {
            return false;
        }
        RequestRecords records = (RequestRecords) session.getAttribute(ATTRIBUTE);
        if (records == null) {
            records = new RequestRecords(session, appended, afterCommit, broken);
            try {
                tm.enlistPrepare(records.prepare());
                tm.enlistAfterCompletion(records.completion());
            } catch (IllegalStateException e) {
                return false;
            }
            session.setAttribute(ATTRIBUTE, records);
        }
        records.waiting.add(entry);
        return true;
    }

    private AbstractKeycloakTransaction prepare() {
        return new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                List<AuditEntry> batch = List.copyOf(waiting);
                long start = System.nanoTime();
                SavepointInsert.Outcome outcome = SavepointInsert.insert(session, batch);
                insertNanos = System.nanoTime() - start;
                switch (outcome) {
                    case INSERTED -> {
                        waiting.removeAll(batch);
                        inserted.addAll(batch);
                    }
                    case REFUSED, UNSUPPORTED -> {
                        // left waiting: written after the commit
                    }
                    case BROKEN -> {
                        // the database may have ended the request's transaction: it must not commit half
                        broken.run();
                        throw new IllegalStateException("the request's transaction was lost with its audit records");
                    }
                }
            }

            @Override
            protected void rollbackImpl() {}
        };
    }

    private AbstractKeycloakTransaction completion() {
        return new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                session.removeAttribute(ATTRIBUTE);
                if (!inserted.isEmpty()) {
                    appended.accept(List.copyOf(inserted), insertNanos);
                }
                afterCommit.accept(List.copyOf(waiting));
            }

            @Override
            protected void rollbackImpl() {
                // the request rolled back: what it did, it did not do
                session.removeAttribute(ATTRIBUTE);
            }
        };
    }
}
