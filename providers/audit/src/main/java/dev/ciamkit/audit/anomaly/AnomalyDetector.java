package dev.ciamkit.audit.anomaly;

import dev.ciamkit.audit.chain.AuditChainHeadEntity;
import dev.ciamkit.audit.config.AuditRealmConfig;
import dev.ciamkit.audit.trail.AuditRecordEntity;
import dev.ciamkit.audit.trail.AuditTrail;
import dev.ciamkit.common.blocklist.AddressBlocklist;
import dev.ciamkit.common.task.NodeRun;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.cluster.ExecutionResult;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Evaluates the realms' anomaly rules over newly linked records, one node at a time (Keycloak's cluster lock), each
 * realm from where it stopped last ({@link AnomalyCursorEntity}). A batch of a realm is one transaction: the findings'
 * records, outbox messages, locks and blocks commit together with the cursor, so a crash repeats a batch rather than
 * skip one, and a repeated batch reports nothing twice (a finding already in the trail within its window is dropped).
 */
public final class AnomalyDetector {

    static final String LOCK = "ciamkit-audit-anomaly";
    /** Findings of one rule in one realm within its window that carry actions; more are recorded only. */
    static final int MAX_ACTIONS_PER_WINDOW = 50;

    private static final io.micrometer.core.instrument.Counter FAILURES = io.micrometer.core.instrument.Counter.builder(
                    "ciamkit.audit.anomaly.failures")
            .description("Anomaly detection batches that failed (evaluated again next run)")
            .register(io.micrometer.core.instrument.Metrics.globalRegistry);
    private static final Logger LOG = Logger.getLogger(AnomalyDetector.class);

    private final KeycloakSessionFactory factory;
    private final NodeRun onThisNode = new NodeRun();
    private final int batch;
    private final int lockSeconds;

    public AnomalyDetector(KeycloakSessionFactory factory, int batch, int lockSeconds) {
        this.factory = factory;
        this.batch = batch;
        this.lockSeconds = lockSeconds;
    }

    /** Evaluates what is waiting, unless another node is at it; returns how many findings this call reported. */
    public int runNow() {
        return onThisNode.now(this::run);
    }

    /** The scheduled run: skipped when this node is already running (an admin endpoint's call). */
    public void runScheduled() {
        onThisNode.scheduled(this::run);
    }

    private int run() {
        try {
            return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
                ExecutionResult<Integer> result = session.getProvider(ClusterProvider.class)
                        .executeIfNotExecuted(LOCK, lockSeconds, this::runAll);
                return result.isExecuted() ? result.getResult() : 0;
            });
        } catch (RuntimeException | LinkageError e) {
            LOG.warnf(
                    "CIAM Kit audit: anomaly detection failed (%s); the next run evaluates again",
                    e.getClass().getName());
            return 0;
        }
    }

    private int runAll() {
        long deadline = System.nanoTime() + Duration.ofSeconds(lockSeconds).toNanos() / 2;
        KeycloakModelUtils.runJobInTransaction(factory, AddressBlocklist::purgeExpired);
        Map<String, Long> pending = KeycloakModelUtils.runJobInTransactionWithResult(factory, AnomalyDetector::pending);
        int reported = 0;
        // a different order each run: under load, no realm is always the one the deadline leaves behind
        List<String> realms = new java.util.ArrayList<>(pending.keySet());
        java.util.Collections.shuffle(realms);
        for (String realmId : realms) {
            while (System.nanoTime() < deadline) {
                int[] done;
                try {
                    done = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> runBatch(s, realmId));
                } catch (RuntimeException e) {
                    // that realm's batch rolled back and is evaluated again next run; the other realms go on
                    FAILURES.increment();
                    LOG.warnf(
                            "CIAM Kit audit: anomaly detection for realm %s failed (%s); the next run evaluates it"
                                    + " again",
                            realmId, e.getClass().getName());
                    break;
                }
                reported += done[1];
                if (done[0] < batch) {
                    break;
                }
            }
        }
        return reported;
    }

    /** Realms whose chain is ahead of the detector's cursor, with the cursor. */
    private static Map<String, Long> pending(KeycloakSession session) {
        EntityManager em = AuditTrail.em(session);
        Map<String, Long> cursors = new HashMap<>();
        em.createQuery("select c from AnomalyCursorEntity c", AnomalyCursorEntity.class)
                .getResultStream()
                .forEach(c -> cursors.put(c.getRealmId(), c.getSeq()));
        Map<String, Long> pending = new HashMap<>();
        em.createQuery("select h from AuditChainHeadEntity h", AuditChainHeadEntity.class)
                .getResultStream()
                .filter(h -> h.getSeq() > cursors.getOrDefault(h.getRealmId(), 0L))
                .forEach(h -> pending.put(h.getRealmId(), cursors.getOrDefault(h.getRealmId(), 0L)));
        return pending;
    }

    /** One batch of a realm: {records read, findings reported}. */
    int[] runBatch(KeycloakSession session, String realmId) {
        EntityManager em = AuditTrail.em(session);
        AnomalyCursorEntity cursor = em.find(AnomalyCursorEntity.class, realmId);
        if (cursor == null) {
            cursor = new AnomalyCursorEntity();
            cursor.setRealmId(realmId);
            cursor.setSeq(0);
            em.persist(cursor);
        }
        List<AuditRecordEntity> rows = em.createQuery(
                        "select r from AuditRecordEntity r where r.realmId = :realm and r.seq > :seq order by r.seq",
                        AuditRecordEntity.class)
                .setParameter("realm", realmId)
                .setParameter("seq", cursor.getSeq())
                .setMaxResults(batch)
                .getResultList();
        if (rows.isEmpty()) {
            return new int[] {0, 0};
        }
        long last = rows.get(rows.size() - 1).getSeq();
        int reported = 0;
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm != null) {
            session.getContext().setRealm(realm);
            AnomalyConfig config = AnomalyConfig.of(AuditRealmConfig.of(realm));
            List<TrailRecord> records = rows.stream()
                    .filter(r -> !AnomalyAlert.KIND.equals(r.getKind()))
                    .map(AnomalyDetector::view)
                    .toList();
            long now = Time.currentTimeMillis();
            for (Finding f : AnomalyRules.evaluate(config, records, new JpaWindows(em, realmId), now)) {
                if (!reportedWithin(em, realmId, f)) {
                    AnomalyActions.report(
                            session, realm, config, f, firedWithin(em, realmId, f) >= MAX_ACTIONS_PER_WINDOW);
                    em.flush();
                    reported++;
                }
            }
        }
        cursor.setSeq(last);
        return new int[] {rows.size(), reported};
    }

    /** How often the rule fired in the realm (any subject) within the finding's window. */
    private static long firedWithin(EntityManager em, String realmId, Finding f) {
        return em.createQuery(
                        "select count(r) from AuditRecordEntity r where r.realmId = :realm and r.kind = :kind"
                                + " and r.eventType = :type and r.createdAt > :from",
                        Long.class)
                .setParameter("realm", realmId)
                .setParameter("kind", AnomalyAlert.KIND)
                .setParameter("type", f.rule().eventType())
                .setParameter("from", Time.currentTimeMillis() - f.windowSeconds() * 1000L)
                .getSingleResult();
    }

    /** Whether the rule already fired for this subject within its window (its record is in the trail). */
    private static boolean reportedWithin(EntityManager em, String realmId, Finding f) {
        if (f.rule().subject() == AnomalyRule.Subject.ADDRESS && AddressBlocklist.isNetwork(f.subject())) {
            // an IPv6 /64: the alert record keeps the address that fired, which any address of the network may be
            return em.createQuery(
                            "select r.ipAddress from AuditRecordEntity r where r.realmId = :realm and r.kind = :kind"
                                    + " and r.eventType = :type and r.createdAt > :from and r.ipAddress like '%:%'",
                            String.class)
                    .setParameter("realm", realmId)
                    .setParameter("kind", AnomalyAlert.KIND)
                    .setParameter("type", f.rule().eventType())
                    .setParameter("from", f.lastAt() - f.windowSeconds() * 1000L)
                    .getResultStream()
                    .anyMatch(ip -> f.subject().equals(AnomalyRules.addressSubject(ip)));
        }
        String column = f.rule().subject() == AnomalyRule.Subject.USER ? "r.userId" : "r.ipAddress";
        return em.createQuery(
                                "select count(r) from AuditRecordEntity r where r.realmId = :realm and r.kind = :kind"
                                        + " and r.eventType = :type and " + column + " = :subject"
                                        + " and r.createdAt > :from",
                                Long.class)
                        .setParameter("realm", realmId)
                        .setParameter("kind", AnomalyAlert.KIND)
                        .setParameter("type", f.rule().eventType())
                        .setParameter("subject", f.subject())
                        .setParameter("from", f.lastAt() - f.windowSeconds() * 1000L)
                        .getSingleResult()
                > 0;
    }

    static TrailRecord view(AuditRecordEntity r) {
        return new TrailRecord(
                r.getSeq() == null ? 0 : r.getSeq(),
                r.getCreatedAt(),
                r.getKind(),
                r.getEventType(),
                r.getOutcome(),
                r.getUserId(),
                r.getIpAddress(),
                r.getBody());
    }
}
