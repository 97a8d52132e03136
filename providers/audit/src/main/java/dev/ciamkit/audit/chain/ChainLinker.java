package dev.ciamkit.audit.chain;

import dev.ciamkit.audit.export.ExportRange;
import dev.ciamkit.audit.sink.spi.AuditSink;
import dev.ciamkit.audit.sink.spi.AuditSinkFactory;
import dev.ciamkit.audit.trail.AuditRecordEntity;
import dev.ciamkit.audit.trail.AuditTrail;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.common.outbox.Outbox;
import dev.ciamkit.common.task.NodeRun;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.cluster.ExecutionResult;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Links inserted records into their realm's chain, in insertion order, moments after they were written: requests only
 * insert (no lock from event to commit, so logins of a realm never queue behind each other across the cluster), and
 * one node at a time (Keycloak's cluster lock) numbers records, hashes and MACs them, and puts the numbers it linked in
 * the outbox of every enabled SIEM sink (one message per realm and sink naming the range), in the same transaction. The realm's chain head row, locked before the waiting records are
 * read, makes a second linker that believed it held the cluster lock wait and then read only what is still unlinked;
 * each record's update also names its unlinked state (a row linked meanwhile fails the batch).
 */
public final class ChainLinker {

    /** The export topics, {@code ciamkit-audit-range:<sink>}: each message names a range of a realm's numbers. */
    public static final String TOPIC_PREFIX = "ciamkit-audit-range:";
    /**
     * The export topics of versions before ranges, {@code ciamkit-audit:<sink>}: a message per record, its id. A node
     * of such a version has no handler for the range topics, so during a rolling update it leaves ranges waiting
     * rather than taking them for records the purge removed.
     */
    public static final String RECORD_TOPIC_PREFIX = "ciamkit-audit:";

    static final String LOCK = "ciamkit-audit-link";
    private static final Logger LOG = Logger.getLogger(ChainLinker.class);
    /** Statements per JDBC batch at the flush of a linked batch (record updates, outbox inserts). */
    private static final int JDBC_BATCH = 500;

    private final KeycloakSessionFactory factory;
    private final NodeRun onThisNode = new NodeRun();
    private final int batch;
    private final int lockSeconds;
    private final Counter linked = Counter.builder("ciamkit.audit.linked")
            .description("Audit records linked into their realm's chain")
            .register(Metrics.globalRegistry);
    private final Counter quarantined = Counter.builder("ciamkit.audit.quarantined")
            .description("Records set aside because their insertion MAC does not hold")
            .register(Metrics.globalRegistry);
    private final Counter failures = Counter.builder("ciamkit.audit.link.failures")
            .description("Linker runs that failed (the next run links again)")
            .register(Metrics.globalRegistry);

    public ChainLinker(KeycloakSessionFactory factory, int batch, int lockSeconds) {
        this.factory = factory;
        this.batch = batch;
        this.lockSeconds = lockSeconds;
    }

    /** Links what is waiting, unless another node is linking; returns how many records this call linked. */
    public int linkNow() {
        return onThisNode.now(this::run);
    }

    /** The scheduled run: skipped when this node is already running (an admin endpoint's call). */
    public void linkScheduled() {
        onThisNode.scheduled(this::run);
    }

    private int run() {
        try {
            return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
                ExecutionResult<Integer> result = session.getProvider(ClusterProvider.class)
                        .executeIfNotExecuted(LOCK, lockSeconds, this::linkAll);
                return result.isExecuted() ? result.getResult() : 0;
            });
        } catch (RuntimeException | LinkageError e) {
            LOG.warnf(
                    "CIAM Kit audit: linking failed (%s); the next run links again",
                    e.getClass().getName());
            return 0;
        }
    }

    /**
     * Each realm's chain in transactions of its own: a realm whose batch fails (a row the database refuses, a head
     * changed meanwhile) is retried next run and never holds back the other realms' chains.
     */
    private int linkAll() {
        long deadline = System.nanoTime() + Duration.ofSeconds(lockSeconds).toNanos() / 2;
        List<String> realms = KeycloakModelUtils.runJobInTransactionWithResult(
                factory,
                session -> AuditTrail.em(session)
                        .createQuery(
                                "select distinct r.realmId from AuditRecordEntity r where r.linkedAt is null",
                                String.class)
                        .getResultList());
        int total = 0;
        for (String realmId : realms) {
            while (System.nanoTime() < deadline) {
                int n;
                try {
                    n = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> linkBatch(s, realmId));
                } catch (RuntimeException e) {
                    failures.increment();
                    LOG.warnf(
                            "CIAM Kit audit: linking realm %s failed (%s); the next run links it again",
                            realmId, e.getClass().getName());
                    break;
                }
                total += n;
                if (n < batch) {
                    break;
                }
            }
        }
        return total;
    }

    int linkBatch(KeycloakSession session, String realmId) {
        EntityManager em = AuditTrail.em(session);
        // the head first, locked until commit: a second linker (one that believed it held the cluster lock) waits
        // here and then reads only what the first left unlinked
        lockedHead(em, realmId);
        List<AuditRecordEntity> rows = em.createQuery(
                        "select r from AuditRecordEntity r where r.linkedAt is null and r.realmId = :realm"
                                + " order by r.createdAt, r.id",
                        AuditRecordEntity.class)
                .setParameter("realm", realmId)
                .setMaxResults(batch)
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        linkRows(session, rows);
        return rows.size();
    }

    /**
     * Links these inserted records (managed by the session's entity manager), in this order, in the session's
     * transaction (the retention purge links its own record in the transaction that deletes what it anchors); returns
     * how many were linked (not quarantined). The head row of each realm is locked until commit; the records'
     * updates go to the database as JDBC batches at the flush, with one outbox row per realm and sink.
     */
    public int linkRows(KeycloakSession session, List<AuditRecordEntity> rows) {
        EntityManager em = AuditTrail.em(session);
        EnvelopeProvider keys = session.getProvider(EnvelopeProvider.class);
        List<String> sinks = enabledSinks(session);
        Map<String, AuditChainHeadEntity> heads = new HashMap<>();
        // each realm's first number linked by this call: the realm's records from there to its head go to every sink
        // as one outbox message per sink (a range, not a message per record: two writes fewer per record)
        Map<String, Long> firstSeq = new LinkedHashMap<>();
        long now = Time.currentTimeMillis();
        int count = 0;
        Session hibernate = em.unwrap(Session.class);
        Integer jdbcBatch = hibernate.getJdbcBatchSize();
        hibernate.setJdbcBatchSize(JDBC_BATCH);
        try {
            for (AuditRecordEntity row : rows) {
                if (row.getLinkedAt() != null) {
                    throw new IllegalStateException("an audit record was linked by another linker meanwhile");
                }
                String columns = row.columns();
                if (!keys.identifierMatches(
                        row.getInsertMac(),
                        ChainHash.INSERT_PURPOSE,
                        ChainHash.insertInput(row.getId(), row.getRealmId(), columns, row.getBody()))) {
                    quarantine(row);
                    continue;
                }
                AuditChainHeadEntity head = heads.computeIfAbsent(row.getRealmId(), id -> lockedHead(em, id));
                long seq = head.getSeq() + 1;
                String hash = ChainHash.hash(head.getHash(), seq, row.getRealmId(), columns, row.getBody());
                row.setSeq(seq);
                row.setPrevHash(head.getHash());
                row.setHash(hash);
                row.setMac(keys.hashIdentifier(ChainHash.MAC_PURPOSE, hash));
                row.setLinkedAt(now);
                head.setSeq(seq);
                head.setHash(hash);
                firstSeq.putIfAbsent(row.getRealmId(), seq);
                count++;
            }
            firstSeq.forEach((realmId, first) -> {
                long last = heads.get(realmId).getSeq();
                for (String sink : sinks) {
                    Outbox.enqueue(session, realmId, TOPIC_PREFIX + sink, first, ExportRange.payload(first, last));
                }
            });
            em.flush();
        } finally {
            hibernate.setJdbcBatchSize(jdbcBatch);
        }
        linked.increment(count);
        return count;
    }

    /**
     * A record whose insertion MAC does not hold was written or changed by someone without the key: never linked (the
     * chain would vouch for it), set aside with {@code LINKED_AT = -1}, counted and alerted.
     */
    private void quarantine(AuditRecordEntity row) {
        row.setLinkedAt(-1L);
        quarantined.increment();
        LOG.errorf(
                "CIAM Kit audit: ALERT record %s in realm %s does not carry a valid insertion MAC (written or changed"
                        + " outside Keycloak); it is set aside, not linked",
                row.getId(), row.getRealmId());
    }

    /** The realm's chain head, locked until commit; created at the genesis when the realm has none yet. */
    private static AuditChainHeadEntity lockedHead(EntityManager em, String realmId) {
        AuditChainHeadEntity head = em.find(AuditChainHeadEntity.class, realmId, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            // two linkers creating the same realm's head: the database refuses the second insert, its batch rolls back
            head = new AuditChainHeadEntity();
            head.setRealmId(realmId);
            head.setSeq(0);
            head.setHash(ChainHash.GENESIS);
            em.persist(head);
        }
        return head;
    }

    /** The ids of the sinks the server options enabled. */
    public static List<String> enabledSinks(KeycloakSession session) {
        return session.getKeycloakSessionFactory()
                .getProviderFactoriesStream(AuditSink.class)
                .filter(f -> f instanceof AuditSinkFactory sink && sink.isEnabled())
                .map(f -> f.getId())
                .sorted()
                .toList();
    }
}
