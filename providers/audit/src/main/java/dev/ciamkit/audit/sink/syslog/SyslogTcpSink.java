package dev.ciamkit.audit.sink.syslog;

import dev.ciamkit.audit.sink.spi.AuditSink;
import dev.ciamkit.audit.sink.spi.ExportRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Writes a batch as octet-counted syslog messages over the factory's one connection, under its monitor.
 *
 * <p>TCP says nothing about what the receiver got. So whenever a connection is new (the first one after start too: a
 * node or process before this one may have lost records), the first time a realm appears on it the sink first sends
 * that realm's {@code resend} records before the batch again; they keep their sequence numbers, so a receiver sees them
 * as duplicates, never as gaps. A batch counts as delivered only when the whole of it was flushed and the receiver had
 * not closed the connection afterwards; otherwise nothing of it does (the outbox sends it again) and the connection is
 * dropped. Reasons in results and logs name the failure, never record content.
 */
final class SyslogTcpSink implements AuditSink {

    private static final Logger LOG = Logger.getLogger(SyslogTcpSink.class);
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int REASON_MAX = 160;

    private final SyslogConnection connection;
    private final RecordFormatter formatter;
    private final int resend;
    private final String destination;

    SyslogTcpSink(SyslogConnection connection, RecordFormatter formatter, int resend, String destination) {
        this.connection = connection;
        this.formatter = formatter;
        this.resend = resend;
        this.destination = destination;
    }

    @Override
    public SendResult send(List<ExportRecord> records, EarlierRecords earlier) {
        if (records == null || records.isEmpty()) {
            return SendResult.all(0);
        }
        synchronized (connection) {
            try {
                OutputStream out = new BufferedOutputStream(connection.stream(), BUFFER_BYTES);
                for (ExportRecord record : records) {
                    if (connection.firstUse(record.realmId())) {
                        for (ExportRecord before : earlier(earlier, record)) {
                            OctetCounting.write(out, formatter.format(before));
                        }
                    }
                    OctetCounting.write(out, formatter.format(record));
                }
                out.flush();
                if (connection.receiverClosed()) {
                    throw new IOException("the receiver closed the connection");
                }
                return SendResult.all(records.size());
            } catch (IOException e) {
                return failed(e.getClass().getSimpleName() + ": " + clean(e.getMessage()));
            } catch (RuntimeException e) {
                // the earlier records' store or a formatter: their messages may quote record content
                return failed("not sent: " + e.getClass().getSimpleName());
            }
        }
    }

    private List<ExportRecord> earlier(EarlierRecords earlier, ExportRecord first) {
        if (resend <= 0 || earlier == null) {
            return List.of();
        }
        List<ExportRecord> found = earlier.before(first.realmId(), first.sequence(), resend);
        if (found == null) {
            return List.of();
        }
        // only what lies before the batch, never more than asked
        List<ExportRecord> before = found.stream()
                .filter(r -> r.sequence() < first.sequence())
                .filter(r -> first.realmId() == null || first.realmId().equals(r.realmId()))
                .toList();
        return before.size() > resend ? before.subList(before.size() - resend, before.size()) : before;
    }

    private SendResult failed(String reason) {
        connection.disconnect();
        LOG.warnf("CIAM Kit: audit batch not delivered to syslog receiver %s: %s", destination, reason);
        return new SendResult(0, reason);
    }

    private static String clean(String message) {
        if (message == null) {
            return "";
        }
        String safe = message.replaceAll("[^\\x20-\\x7E]", "?");
        return safe.length() > REASON_MAX ? safe.substring(0, REASON_MAX) : safe;
    }
}
