package dev.ciamkit.audit.sink.spi;

import java.util.List;
import org.keycloak.provider.Provider;

/**
 * A SIEM destination. Called by one delivery worker at a time across the cluster (the common outbox's lock), with the
 * records of one realm in sequence order; never inside a request's transaction.
 */
public interface AuditSink extends Provider {

    /**
     * Sends the records in order and says how many of them, from the start of the list, are delivered: acknowledged by
     * the receiver (webhook 2xx) or written to a connection that was still open afterwards (syslog). Never throws: a
     * failure is a result with the count delivered before it and a reason safe to log (no record content).
     *
     * @param earlier the records before the first one, for a sink that must re-send after a reconnect what it cannot
     *     know was received (syslog over TCP has no acknowledgement)
     */
    SendResult send(List<ExportRecord> records, EarlierRecords earlier);

    /** Where earlier records of the same realm come from (the audit trail itself). */
    @FunctionalInterface
    interface EarlierRecords {
        /** Up to {@code max} records of the realm with sequence below {@code sequence}, in sequence order. */
        List<ExportRecord> before(String realmId, long sequence, int max);
    }

    /**
     * @param delivered how many records from the start of the list are delivered
     * @param error null when all were; otherwise a short reason safe to log
     */
    record SendResult(int delivered, String error) {
        public static SendResult all(int count) {
            return new SendResult(count, null);
        }

        public boolean complete(int count) {
            return error == null && delivered == count;
        }
    }

    @Override
    default void close() {}
}
