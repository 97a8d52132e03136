package dev.ciamkit.bench.export;

import dev.ciamkit.audit.chain.ChainHash;
import dev.ciamkit.audit.trail.AuditEntries;
import dev.ciamkit.audit.trail.AuditEntry;
import dev.ciamkit.bench.micro.AuditEvents;
import dev.ciamkit.common.crypto.IdentifierHasher;
import dev.ciamkit.common.crypto.KeyFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.UUID;
import org.keycloak.events.Event;

/**
 * The whole export path on a running server: writes {@code N} records of one realm straight into its
 * {@code CIAMKIT_AUDIT_RECORD} table, as the listener would (canonical body, insertion MAC with the server's key file),
 * then times what the server does with them: the linker chains them and puts one outbox message per enabled sink, the
 * outbox worker hands them to the {@code syslog} and {@code webhook} sinks, which send them to the receivers here (on
 * the ports the server's sink options name). Prints when the last record was linked, when each receiver had all of
 * them, and the {@code ciamkit_audit_export_backlog} gauge as it drained; then the same number again with both receivers
 * down until all are linked, and how fast the backlog drains once they are up.
 *
 * <p>Usage: {@code OutboxDrain <jdbc url> <user> <key file> <realm name> <records> <syslog port> <webhook port>
 * <webhook secret> <metrics url>} (the password, if any, in {@code CIAMKIT_DB_PASSWORD}).
 */
public final class OutboxDrain {

    private OutboxDrain() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        IdentifierHasher keys = KeyFile.load(Path.of(args[2])).identifierHasher();
        String realmName = args[3];
        int count = Integer.parseInt(args[4]);
        int syslogPort = Integer.parseInt(args[5]);
        int webhookPort = Integer.parseInt(args[6]);
        try (Connection db = DriverManager.getConnection(url, user, System.getenv("CIAMKIT_DB_PASSWORD"))) {
            String realmId = realmId(db, realmName);
            System.out.println("### Fresh records: linked and delivered as they come");
            System.out.println();
            try (CountingSyslogReceiver syslog = new CountingSyslogReceiver(syslogPort, lastSeq(db, realmId));
                    CountingWebhookReceiver webhook = new CountingWebhookReceiver(args[7], webhookPort)) {
                live(db, keys, realmId, realmName, count, syslog, webhook, args[8]);
            }
            System.out.println();
            System.out.println("### A backlog: both receivers down while the records are linked, then up again");
            System.out.println();
            backlog(db, keys, realmId, realmName, count, syslogPort, webhookPort, args[7], args[8]);
        }
    }

    private static void live(
            Connection db,
            IdentifierHasher keys,
            String realmId,
            String realmName,
            int count,
            CountingSyslogReceiver syslog,
            CountingWebhookReceiver webhook,
            String metricsUrl)
            throws Exception {
        long written = insertTimed(db, keys, realmId, realmName, count);
        HttpClient http = HttpClient.newHttpClient();
        double linkedAt = -1;
        double syslogAt = -1;
        double webhookAt = -1;
        long deadline = written + 600_000_000_000L;
        StringBuilder backlog = new StringBuilder();
        long nextSample = written;
        while ((linkedAt < 0 || syslogAt < 0 || webhookAt < 0) && System.nanoTime() < deadline) {
            double t = (System.nanoTime() - written) / 1e9;
            if (linkedAt < 0 && unlinked(db, realmId) == 0) {
                linkedAt = t;
            }
            if (syslogAt < 0 && syslog.distinctNumbers() >= count) {
                syslogAt = t;
            }
            if (webhookAt < 0 && webhook.records() >= count) {
                webhookAt = t;
            }
            if (System.nanoTime() >= nextSample) {
                backlog.append(String.format(
                        Locale.ROOT,
                        "| %.0f | %d | %d | %s |%n",
                        t,
                        syslog.distinctNumbers(),
                        webhook.records(),
                        backlog(http, metricsUrl)));
                nextSample += 2_000_000_000L;
            }
            Thread.sleep(100);
        }
        System.out.printf(
                Locale.ROOT,
                "all linked after %.1f s (%.0f records/s); syslog receiver had all after %.1f s (%.0f records/s),"
                        + " %d malformed; webhook receiver after %.1f s (%.0f records/s), %d requests, %d refused%n%n",
                linkedAt,
                count / linkedAt,
                syslogAt,
                count / syslogAt,
                syslog.malformed(),
                webhookAt,
                count / webhookAt,
                webhook.requests(),
                webhook.refused());
        System.out.println(
                "| Seconds | syslog received (distinct numbers) | webhook received | ciamkit_audit_export_backlog (records) |");
        System.out.println("| ---: | ---: | ---: | --- |");
        System.out.print(backlog);
    }

    /**
     * What a SIEM outage leaves: records linked while neither receiver listens (the sinks' attempts fail and back off),
     * then both receivers up. The drain rate counts from each receiver's first record to its last, so the sinks'
     * back-off wait (reported apart) is not in it: that is how fast the export catches up once it is delivering.
     */
    private static void backlog(
            Connection db,
            IdentifierHasher keys,
            String realmId,
            String realmName,
            int count,
            int syslogPort,
            int webhookPort,
            String secret,
            String metricsUrl)
            throws Exception {
        long before = lastSeq(db, realmId);
        long written = insertTimed(db, keys, realmId, realmName, count);
        long deadline = written + 600_000_000_000L;
        while (unlinked(db, realmId) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        double linkedAt = (System.nanoTime() - written) / 1e9;
        String waiting = backlog(HttpClient.newHttpClient(), metricsUrl);
        // the syslog sink re-sends earlier records on its new connection: only this phase's numbers count, once each
        try (CountingSyslogReceiver syslog = new CountingSyslogReceiver(syslogPort, before);
                CountingWebhookReceiver webhook = new CountingWebhookReceiver(secret, webhookPort)) {
            long up = System.nanoTime();
            long syslogFirst = -1;
            long webhookFirst = -1;
            long syslogAll = -1;
            long webhookAll = -1;
            while ((syslogAll < 0 || webhookAll < 0) && System.nanoTime() < deadline) {
                long now = System.nanoTime();
                if (syslogFirst < 0 && syslog.distinctNumbers() > 0) {
                    syslogFirst = now;
                }
                if (webhookFirst < 0 && webhook.records() > 0) {
                    webhookFirst = now;
                }
                if (syslogAll < 0 && syslog.distinctNumbers() >= count) {
                    syslogAll = now;
                }
                if (webhookAll < 0 && webhook.records() >= count) {
                    webhookAll = now;
                }
                Thread.sleep(20);
            }
            System.out.printf(
                    Locale.ROOT,
                    "all linked after %.1f s with both receivers down (%.0f records/s); backlog then: %s%n%n",
                    linkedAt,
                    count / linkedAt,
                    waiting);
            System.out.println("| Receiver | First record after it was up (sink back-off) | First to last record |"
                    + " Drain records/s | Received | Malformed or refused |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
            drainRow("syslog", up, syslogFirst, syslogAll, syslog.distinctNumbers(), syslog.malformed());
            drainRow("webhook", up, webhookFirst, webhookAll, webhook.records(), webhook.refused());
        }
    }

    private static void drainRow(String name, long up, long first, long all, long received, long bad) {
        if (first < 0 || all < 0) {
            System.out.printf(Locale.ROOT, "| %s | not all within 10 min | | | %d | %d |%n", name, received, bad);
            return;
        }
        double seconds = (all - first) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "| %s | %.1f s | %.2f s | %.0f | %d | %d |%n",
                name,
                (first - up) / 1e9,
                seconds,
                received / Math.max(seconds, 0.02),
                received,
                bad);
    }

    private static long insertTimed(Connection db, IdentifierHasher keys, String realmId, String realmName, int count)
            throws Exception {
        long insertStart = System.nanoTime();
        insert(db, keys, realmId, count);
        long written = System.nanoTime();
        System.out.printf(
                Locale.ROOT,
                "%d records of realm %s inserted in %.2f s (one JDBC batch transaction, not part of the path)%n",
                count,
                realmName,
                (written - insertStart) / 1e9);
        return written;
    }

    private static String realmId(Connection db, String name) throws Exception {
        try (PreparedStatement q = db.prepareStatement("select id from realm where name = ?")) {
            q.setString(1, name);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalArgumentException("no realm " + name);
                }
                return r.getString(1);
            }
        }
    }

    private static void insert(Connection db, IdentifierHasher keys, String realmId, int count) throws Exception {
        Event[] events = {AuditEvents.login(), AuditEvents.codeToToken(), AuditEvents.loginErrorUnknownUser()};
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement("insert into ciamkit_audit_record (id, realm_id,"
                + " created_at, kind, event_type, outcome, user_id, client_id, ip_address, error_code, body,"
                + " insert_mac) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                Event event = events[i % events.length];
                event.setRealmId(realmId);
                event.setTime(System.currentTimeMillis());
                AuditEntry e = AuditEntries.of(UUID.randomUUID().toString(), event);
                String columns = e.columns();
                Object[] values = {
                    e.id(),
                    e.realmId(),
                    e.time(),
                    e.kind(),
                    e.eventType(),
                    e.outcome(),
                    e.userId(),
                    e.clientId(),
                    e.ipAddress(),
                    e.error(),
                    e.body(),
                    keys.hash(ChainHash.INSERT_PURPOSE, ChainHash.insertInput(e.id(), e.realmId(), columns, e.body()))
                };
                for (int c = 0; c < values.length; c++) {
                    insert.setObject(c + 1, values[c]);
                }
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
    }

    /** The realm's last linked number (0 before its first). */
    private static long lastSeq(Connection db, String realmId) throws Exception {
        try (PreparedStatement q =
                db.prepareStatement("select coalesce(max(seq), 0) from ciamkit_audit_record where realm_id = ?")) {
            q.setString(1, realmId);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static long unlinked(Connection db, String realmId) throws Exception {
        try (PreparedStatement q = db.prepareStatement(
                "select count(*) from ciamkit_audit_record where realm_id = ? and linked_at is null")) {
            q.setString(1, realmId);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static String backlog(HttpClient http, String metricsUrl) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(metricsUrl)).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body()
                    .lines()
                    .filter(l -> l.startsWith("ciamkit_audit_export_backlog"))
                    .map(l -> l.replaceAll("^ciamkit_audit_export_backlog\\{[^}]*sink=\"([^\"]*)\"[^}]*\\}", "$1"))
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("(no gauge)");
        } catch (Exception e) {
            return "(" + e.getClass().getSimpleName() + ")";
        }
    }
}
