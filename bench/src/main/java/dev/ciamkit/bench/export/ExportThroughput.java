package dev.ciamkit.bench.export;

import dev.ciamkit.audit.chain.ChainHash;
import dev.ciamkit.audit.sink.spi.AuditSink;
import dev.ciamkit.audit.sink.spi.ExportRecord;
import dev.ciamkit.audit.sink.syslog.CefSinkFactory;
import dev.ciamkit.audit.sink.syslog.SyslogSinkFactory;
import dev.ciamkit.audit.sink.syslog.TcpSyslogSinkFactory;
import dev.ciamkit.audit.sink.webhook.WebhookOptions;
import dev.ciamkit.audit.sink.webhook.WebhookSink;
import dev.ciamkit.audit.trail.AuditEntries;
import dev.ciamkit.audit.trail.AuditEntry;
import dev.ciamkit.bench.micro.AuditEvents;
import dev.ciamkit.common.crypto.IdentifierHasher;
import dev.ciamkit.common.crypto.KeyRing;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.keycloak.events.Event;

/**
 * Export throughput of the real sinks to real local receivers: {@code syslog} and {@code cef} (the factories as the
 * server builds them from their options, one TCP connection, octet-counted frames) and {@code webhook} (signed NDJSON
 * requests of {@code max-batch} records, each answered 204 by a receiver that checks the signature). Records are what
 * the linker hands the outbox: built from login, code-to-token, unknown-user and admin events in turn, chained and
 * MACed. They go to the sink in batches of the outbox's default size, one after the other as the worker sends them, and
 * a round ends when the receiver has counted the last one. Sink only: no database, no outbox rows, no linker.
 *
 * <p>Usage: {@code ExportThroughput <records per round> <rounds>}; prints a Markdown table.
 */
public final class ExportThroughput {

    /** The outbox worker's default batch (OutboxSettings.DEFAULT.batch()). */
    static final int OUTBOX_BATCH = 500;

    private static final String SECRET = "bench-webhook-secret-0123456789-abcdefghijkl";

    private ExportThroughput() {}

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<ExportRecord> records = records(count);
        long bodyBytes = records.stream().mapToLong(r -> r.body().length()).sum();
        System.out.printf(
                Locale.ROOT,
                "%d records per round, %d rounds after one warm-up round, mean body %d characters%n%n",
                count,
                rounds,
                bodyBytes / count);
        System.out.println("| Sink | Round | Records | Seconds | Records/s | Receiver MB/s | Receiver check |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: | --- |");
        for (TcpSyslogSinkFactory factory : List.of(new SyslogSinkFactory(), new CefSinkFactory())) {
            try (CountingSyslogReceiver receiver = new CountingSyslogReceiver()) {
                factory.init(new ServerOptions(
                        Map.of("host", "127.0.0.1", "port", Integer.toString(receiver.port()), "resend", "0")));
                AuditSink sink = factory.create(null);
                run(
                        factory.getId(),
                        sink,
                        records,
                        rounds,
                        receiver::frames,
                        receiver::bytes,
                        () -> receiver.malformed() == 0 ? "frames intact" : receiver.malformed() + " malformed");
            } finally {
                factory.close();
            }
        }
        try (CountingWebhookReceiver receiver = new CountingWebhookReceiver(SECRET);
                CloseableHttpClient client = HttpClients.custom()
                        .setMaxConnPerRoute(4)
                        .setMaxConnTotal(4)
                        .build()) {
            WebhookOptions options = WebhookOptions.read(
                    new ServerOptions(Map.of(WebhookOptions.URL, receiver.url(), WebhookOptions.SECRET, SECRET)));
            AuditSink sink = new WebhookSink(client, options, Clock.systemUTC());
            run(
                    "webhook",
                    sink,
                    records,
                    rounds,
                    receiver::records,
                    receiver::bytes,
                    () -> receiver.refused() == 0
                            ? receiver.requests() + " signed requests, all verified"
                            : receiver.refused() + " refused");
        }
    }

    private static void run(
            String name,
            AuditSink sink,
            List<ExportRecord> records,
            int rounds,
            LongSupplier received,
            LongSupplier receivedBytes,
            java.util.function.Supplier<String> check)
            throws InterruptedException {
        for (int round = 0; round <= rounds; round++) {
            long before = received.getAsLong();
            long bytesBefore = receivedBytes.getAsLong();
            long start = System.nanoTime();
            for (int from = 0; from < records.size(); from += OUTBOX_BATCH) {
                List<ExportRecord> batch = records.subList(from, Math.min(records.size(), from + OUTBOX_BATCH));
                AuditSink.SendResult result = sink.send(batch, null);
                if (!result.complete(batch.size())) {
                    throw new IllegalStateException(name + " did not deliver a batch: " + result.error());
                }
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (received.getAsLong() - before < records.size() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long got = received.getAsLong() - before;
            long bytes = receivedBytes.getAsLong() - bytesBefore;
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %d | %.2f | %.0f | %s | %s |%n",
                    name,
                    round == 0 ? "warm-up" : Integer.toString(round),
                    got,
                    seconds,
                    got / seconds,
                    String.format(Locale.ROOT, "%.1f", bytes / seconds / 1e6),
                    got == records.size() ? check.get() : "MISSING " + (records.size() - got));
        }
    }

    /** Linked records as the linker makes them: one realm's chain, hash and MAC per record. */
    static List<ExportRecord> records(int count) {
        byte[] pepper = new byte[32];
        new SecureRandom().nextBytes(pepper);
        IdentifierHasher peppers =
                new IdentifierHasher(KeyRing.of(Map.of("p1", pepper), "p1", IdentifierHasher.ALGORITHM));
        List<ExportRecord> out = new ArrayList<>(count);
        String prev = ChainHash.GENESIS;
        Event[] events = {AuditEvents.login(), AuditEvents.codeToToken(), AuditEvents.loginErrorUnknownUser()};
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            AuditEntry e = i % 4 == 3
                    ? AuditEntries.of(id, AuditEvents.adminUpdateUser())
                    : AuditEntries.of(id, events[i % 4]);
            long seq = i + 1L;
            String columns = e.columns();
            String hash = ChainHash.hash(prev, seq, e.realmId(), columns, e.body());
            out.add(new ExportRecord(
                    seq,
                    e.realmId(),
                    "bank",
                    e.time(),
                    e.kind(),
                    e.eventType(),
                    e.outcome(),
                    e.userId(),
                    e.clientId(),
                    e.ipAddress(),
                    e.error(),
                    e.body(),
                    hash,
                    peppers.hash(ChainHash.MAC_PURPOSE, hash)));
            prev = hash;
        }
        return out;
    }
}
