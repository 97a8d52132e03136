package dev.ciamkit.audit.export;

import dev.ciamkit.audit.chain.ChainLinker;
import dev.ciamkit.audit.sink.spi.AuditSink;
import dev.ciamkit.audit.sink.spi.ExportRecord;
import dev.ciamkit.audit.trail.AuditRecordEntity;
import dev.ciamkit.audit.trail.AuditTrail;
import dev.ciamkit.common.outbox.OutboxMessage;
import dev.ciamkit.common.outbox.spi.OutboxHandler;
import dev.ciamkit.common.outbox.spi.OutboxHandlerFactory;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

/**
 * Delivers the outbox topics {@code ciamkit-audit:<sink>}: each message names a linked record (its payload is the
 * record's id, its order key the record's number), which goes to the sink read from the trail itself. A record the
 * retention purge removed before delivery is skipped.
 */
public final class AuditExportHandlerFactory implements OutboxHandlerFactory {

    public static final String ID = "ciamkit-audit";

    @Override
    public OutboxHandler create(KeycloakSession session) {
        return (realmId, topic, messages) -> deliver(session, realmId, topic, messages);
    }

    static OutboxHandler.Result deliver(
            KeycloakSession session, String realmId, String topic, List<OutboxMessage> messages) {
        String sinkId = topic.substring(ChainLinker.TOPIC_PREFIX.length());
        AuditSink sink = session.getProvider(AuditSink.class, sinkId);
        if (sink == null) {
            return new OutboxHandler.Result(0, "sink '" + sinkId + "' is not on this node");
        }
        EntityManager em = AuditTrail.em(session);
        String realmName = realmName(session, realmId);
        Map<String, AuditRecordEntity> rows = em.createQuery(
                        "select r from AuditRecordEntity r where r.id in :ids", AuditRecordEntity.class)
                .setParameter(
                        "ids", messages.stream().map(OutboxMessage::payload).toList())
                .getResultStream()
                .collect(Collectors.toMap(AuditRecordEntity::getId, Function.identity()));
        List<ExportRecord> records = messages.stream()
                .map(m -> rows.get(m.payload()))
                .filter(r -> r != null && r.getSeq() != null)
                .map(r -> export(r, realmName))
                .toList();
        if (records.isEmpty()) {
            return new OutboxHandler.Result(messages.size(), null);
        }
        AuditSink.SendResult sent = sink.send(
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
        if (sent.complete(records.size())) {
            return new OutboxHandler.Result(messages.size(), null);
        }
        // the messages before the first record not delivered (records and messages are in the same order)
        int delivered = 0;
        int recordsSeen = 0;
        for (OutboxMessage m : messages) {
            AuditRecordEntity r = rows.get(m.payload());
            if (r != null && r.getSeq() != null) {
                if (recordsSeen == sent.delivered()) {
                    break;
                }
                recordsSeen++;
            }
            delivered++;
        }
        return new OutboxHandler.Result(delivered, sent.error() == null ? "not all delivered" : sent.error());
    }

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
