package dev.ciamkit.audit.export;

import dev.ciamkit.audit.chain.ChainLinker;
import dev.ciamkit.audit.sink.spi.AuditSink;
import dev.ciamkit.audit.sink.spi.ExportRecord;
import dev.ciamkit.audit.trail.AuditRecordEntity;
import dev.ciamkit.audit.trail.AuditTrail;
import dev.ciamkit.common.outbox.OutboxMessage;
import dev.ciamkit.common.outbox.spi.OutboxHandler;
import dev.ciamkit.common.outbox.spi.OutboxHandlerFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

/**
 * Delivers the outbox topics {@code ciamkit-audit:<sink>} of earlier versions (a message per record, its id) and, as
 * {@link AuditRangeExportHandlerFactory}, {@code ciamkit-audit-range:<sink>}: each message names a range of a realm's
 * linked records (its payload {@code seq:<from>-<to>}, its order key the first number), which go to
 * the sink read from the trail itself, in number order, at most {@value #RECORDS_PER_CALL} per call. A record the
 * retention purge removed before delivery is skipped. When a sink takes only part of a range, the message keeps the
 * rest, so what was acknowledged is not sent again.
 */
public class AuditExportHandlerFactory implements OutboxHandlerFactory {

    public static final String ID = "ciamkit-audit";
    private static final Logger LOG = Logger.getLogger(AuditExportHandlerFactory.class);
    private static final Counter unreadable = Counter.builder("ciamkit.audit.export.unreadable")
            .description("Export outbox messages that named no readable range (skipped)")
            .register(Metrics.globalRegistry);
    /** Records handed to a sink per call at most: a backlog of large ranges is read in parts, never all at once. */
    static final int RECORDS_PER_CALL = 2000;

    @Override
    public OutboxHandler create(KeycloakSession session) {
        return (realmId, topic, messages) -> deliver(session, realmId, topic, messages);
    }

    static OutboxHandler.Result deliver(
            KeycloakSession session, String realmId, String topic, List<OutboxMessage> messages) {
        String sinkId = topic.substring(topic.indexOf(':') + 1);
        AuditSink sink = session.getProvider(AuditSink.class, sinkId);
        if (sink == null) {
            return new OutboxHandler.Result(0, "sink '" + sinkId + "' is not on this node");
        }
        EntityManager em = AuditTrail.em(session);
        if (topic.startsWith(ChainLinker.TOPIC_PREFIX)
                && !em.createQuery(
                                "select m.id from OutboxMessageEntity m where m.realmId = :realm and m.topic = :topic",
                                String.class)
                        .setParameter("realm", realmId)
                        .setParameter("topic", ChainLinker.RECORD_TOPIC_PREFIX + sinkId)
                        .setMaxResults(1)
                        .getResultList()
                        .isEmpty()) {
            // messages of the earlier form (a record each) are older: they go first, then the ranges, next round
            return new OutboxHandler.Result(0, null);
        }
        String realmName = realmName(session, realmId);
        List<Part> parts = new ArrayList<>();
        List<ExportRecord> records = new ArrayList<>();
        for (OutboxMessage m : messages) {
            int room = RECORDS_PER_CALL - records.size();
            if (room <= 0) {
                break;
            }
            Part part = read(em, realmId, realmName, m, room);
            parts.add(part);
            records.addAll(part.records());
        }
        int sent = records.size();
        String error = null;
        if (!records.isEmpty()) {
            AuditSink.SendResult result = sink.send(
                    records,
                    (realm, seq, max) -> em.createQuery(
                                    "select r from AuditRecordEntity r where r.realmId = :realm and r.seq < :seq"
                                            + " and r.seq >= :from order by r.seq",
                                    AuditRecordEntity.class)
                            .setParameter("realm", realm)
                            .setParameter("seq", seq)
                            .setParameter("from", seq - max)
                            .getResultStream()
                            .map(r -> export(r, realmName))
                            .toList());
            if (!result.complete(records.size())) {
                sent = Math.max(0, Math.min(result.delivered(), records.size()));
                error = result.error() == null ? "not all delivered" : result.error();
            }
        }
        return outcome(parts, sent, error);
    }

    /**
     * Which messages the first {@code sent} records complete; for a range message of which only a part went (a sink
     * that failed midway, or the records-per-call limit), what of it is still to deliver.
     */
    static OutboxHandler.Result outcome(List<Part> parts, int sent, String error) {
        int delivered = 0;
        int consumed = 0;
        for (Part part : parts) {
            int n = part.records().size();
            if (consumed + n <= sent && !part.cut()) {
                consumed += n;
                delivered++;
                continue;
            }
            int done = Math.max(0, sent - consumed);
            if (part.range() == null || (done == 0 && !part.cut() && n > 0)) {
                return new OutboxHandler.Result(delivered, error);
            }
            // the range from its first record not sent (the records read are in number order)
            long next = done < n ? part.records().get(done).sequence() : part.lastRead() + 1;
            if (next == part.range().from()) {
                return new OutboxHandler.Result(delivered, error);
            }
            return new OutboxHandler.Result(
                    delivered, error, ExportRange.payload(next, part.range().to()), next);
        }
        return new OutboxHandler.Result(delivered, error);
    }

    /** The records a message names, at most {@code room} of them (a range's first, in number order). */
    private static Part read(EntityManager em, String realmId, String realmName, OutboxMessage m, int room) {
        Optional<ExportRange> range = ExportRange.parse(m.payload());
        if (range.isEmpty() && (m.payload() == null || m.payload().startsWith(ExportRange.PREFIX))) {
            // nothing this version wrote: what it names cannot be known, so it is reported and passed over
            unreadable.increment();
            LOG.errorf(
                    "CIAM Kit audit: ALERT export message %s of realm %s names no readable range; it is skipped",
                    m.id(), realmId);
            return new Part(null, List.of(), false, 0);
        }
        if (range.isEmpty()) {
            // a message of the earlier form: one record's id
            AuditRecordEntity r = em.find(AuditRecordEntity.class, m.payload());
            return new Part(
                    null, r == null || r.getSeq() == null ? List.of() : List.of(export(r, realmName)), false, 0);
        }
        ExportRange names = range.get();
        List<ExportRecord> rows = em.createQuery(
                        "select r from AuditRecordEntity r where r.realmId = :realm and r.seq >= :from"
                                + " and r.seq <= :to order by r.seq",
                        AuditRecordEntity.class)
                .setParameter("realm", realmId)
                .setParameter("from", names.from())
                .setParameter("to", names.to())
                .setMaxResults(room)
                .getResultStream()
                .map(r -> export(r, realmName))
                .toList();
        long lastRead = rows.isEmpty() ? names.to() : rows.get(rows.size() - 1).sequence();
        // the limit reached before the range's end: the rest waits for the next call (a record the purge removed
        // is simply not there, so an unfilled read covers the whole range)
        boolean cut = rows.size() == room && lastRead < names.to();
        return new Part(names, rows, cut, lastRead);
    }

    /**
     * What one message stands for in this call: its range (null for a single record's id), the records read, whether
     * the read stopped at the limit before the range's end, and the last number read.
     */
    record Part(ExportRange range, List<ExportRecord> records, boolean cut, long lastRead) {}

    private static String realmName(KeycloakSession session, String realmId) {
        RealmModel realm = session.realms().getRealm(realmId);
        return realm == null ? null : realm.getName();
    }

    static ExportRecord export(AuditRecordEntity r, String realmName) {
        return new ExportRecord(
                r.getSeq(),
                r.getRealmId(),
                realmName,
                r.getCreatedAt(),
                r.getKind(),
                r.getEventType(),
                r.getOutcome(),
                r.getUserId(),
                r.getClientId(),
                r.getIpAddress(),
                r.getErrorCode(),
                r.getBody(),
                r.getHash(),
                r.getMac());
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void close() {}
}
