package dev.ciamkit.audit.listener;

import dev.ciamkit.audit.trail.AuditEntries;
import dev.ciamkit.audit.trail.AuditEntry;
import dev.ciamkit.audit.trail.AuditTrail;
import dev.ciamkit.common.metrics.Meters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Writes every user and admin event as an audit record.
 *
 * <ul>
 *   <li>A failure event (Keycloak sends it in a transaction of its own that commits even when the request rolls back)
 *       is written at once in a transaction of ours: it stays whatever the request does.
 *   <li>A success event (sent inside the request's transaction) is written only if that transaction commits. Fail-open
 *       (the default): inserted in the request's transaction behind a savepoint, so it commits with the request at no
 *       commit of its own (on PostgreSQL that was two WAL flushes more per login, 4 ms each); a row the database
 *       refuses is rolled back to the savepoint (the request goes on) and written after the request's commit in a
 *       transaction of ours; if that fails too, it is counted in {@code ciamkit_audit_append_failures_total} and
 *       logged as an error for alerting, and the login goes on. With {@code fail-closed} it is inserted in the
 *       request's transaction without a savepoint (a failed write fails the request).
 * </ul>
 */
final class AuditEventListenerProvider implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(AuditEventListenerProvider.class);

    private final KeycloakSession session;
    private final AuditSettings settings;

    AuditEventListenerProvider(KeycloakSession session, AuditSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    @Override
    public void onEvent(Event event) {
        record(() -> AuditEntries.of(KeycloakModelUtils.generateId(), event), event.getError() != null);
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        record(() -> AuditEntries.of(KeycloakModelUtils.generateId(), event), event.getError() != null);
    }

    private void record(java.util.function.Supplier<AuditEntry> build, boolean failure) {
        AuditEntry entry;
        try {
            entry = build.get();
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        write(entry, failure);
    }

    private void write(AuditEntry entry, boolean failure) {
        if (entry.realmId() == null) {
            return;
        }
        if (failure) {
            // Keycloak sends failure events in a transaction of its own, made for them, that commits whatever the
            // request does: written there, without a connection of ours beside it
            long start = System.nanoTime();
            try {
                AuditTrail.insert(session, entry);
                appended(entry, start);
            } catch (RuntimeException e) {
                failed(e);
            }
        } else if (settings.failClosed()) {
            long start = System.nanoTime();
            AuditTrail.insert(session, entry);
            AuditTrail.em(session).flush();
            appended(entry, start);
        } else {
            KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
            if (RequestRecords.add(
                    session,
                    entry,
                    (inserted, nanos) ->
                            inserted.forEach(e -> appended(e, System.nanoTime() - nanos / inserted.size())),
                    notInserted -> notInserted.forEach(e -> writeOwn(factory, e)),
                    () -> failed(new IllegalStateException("rollback to the audit savepoint failed")))) {
                return;
            }
            try {
                session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
                    @Override
                    protected void commitImpl() {
                        writeOwn(factory, entry);
                    }

                    @Override
                    protected void rollbackImpl() {
                        // the request rolled back: what it did, it did not do
                    }
                });
            } catch (IllegalStateException e) {
                // an event sent after the request's transaction ended: that transaction committed
                writeOwn(factory, entry);
            }
        }
    }

    private static void writeOwn(KeycloakSessionFactory factory, AuditEntry entry) {
        long start = System.nanoTime();
        try {
            KeycloakModelUtils.runJobInTransaction(factory, s -> AuditTrail.insert(s, entry));
            appended(entry, start);
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private static void appended(AuditEntry entry, long startNanos) {
        Timer.builder("ciamkit.audit.append")
                .description("Writing one audit record")
                // buckets, so the dashboard's p95 (histogram_quantile) has something to read
                .serviceLevelObjectives(Meters.LATENCY_BUCKETS)
                .register(Metrics.globalRegistry)
                .record(System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        Counter.builder("ciamkit.audit.records")
                .description("Audit records written")
                .tag("kind", entry.kind())
                .tag("outcome", entry.outcome())
                .register(Metrics.globalRegistry)
                .increment();
    }

    private static void failed(RuntimeException e) {
        Counter.builder("ciamkit.audit.append.failures")
                .description("Audit records that could not be written (fail-open: the request went on)")
                .register(Metrics.globalRegistry)
                .increment();
        // class name only: a driver's message may quote values
        LOG.errorf(
                "CIAM Kit audit: ALERT a record could not be written (%s); the request went on (fail-open)",
                e.getClass().getName());
    }

    @Override
    public void close() {}
}
