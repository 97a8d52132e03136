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
 * them, and the {@code ciamkit_outbox_backlog} gauge as it drained.
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
        try (CountingSyslogReceiver syslog = new CountingSyslogReceiver(Integer.parseInt(args[5]));
                CountingWebhookReceiver webhook = new CountingWebhookReceiver(args[7], Integer.parseInt(args[6]));
                Connection db = DriverManager.getConnection(url, user, System.getenv("CIAMKIT_DB_PASSWORD"))) {
            String realmId = realmId(db, realmName);
            long insertStart = System.nanoTime();
            insert(db, keys, realmId, count);
            long written = System.nanoTime();
            System.out.printf(
                    Locale.ROOT,
                    "%d records of realm %s inserted in %.2f s (one JDBC batch transaction, not part of the path)%n",
                    count,
                    realmName,
                    (written - insertStart) / 1e9);
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
                if (syslogAt < 0 && syslog.frames() >= count) {
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
                            syslog.frames(),
                            webhook.records(),
                            backlog(http, args[8])));
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
            System.out.println("| Seconds | syslog received | webhook received | ciamkit_outbox_backlog |");
            System.out.println("| ---: | ---: | ---: | --- |");
            System.out.print(backlog);
        }
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
                    .filter(l -> l.startsWith("ciamkit_outbox_backlog"))
                    .map(l -> l.replaceAll("^ciamkit_outbox_backlog\\{[^}]*topic=\"([^\"]*)\"[^}]*\\}", "$1"))
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("(no gauge)");
        } catch (Exception e) {
            return "(" + e.getClass().getSimpleName() + ")";
        }
    }
}
