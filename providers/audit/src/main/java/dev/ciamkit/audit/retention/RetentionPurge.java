package dev.ciamkit.audit.retention;

import dev.ciamkit.audit.chain.ChainCheck;
import dev.ciamkit.audit.chain.ChainHash;
import dev.ciamkit.audit.chain.ChainLinker;
import dev.ciamkit.audit.chain.ChainStart;
import dev.ciamkit.audit.chain.ChainVerifier;
import dev.ciamkit.audit.chain.PurgeAnchor;
import dev.ciamkit.audit.config.AuditRealmConfig;
import dev.ciamkit.audit.trail.AuditRecordEntity;
import dev.ciamkit.audit.trail.AuditTrail;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.cluster.ExecutionResult;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Removes each realm's records older than its retention, as a prefix of its chain, one node at a time (Keycloak's
 * cluster lock). What it removes is linked, older than the realm's retention and no longer waiting in the outbox for
 * a SIEM sink (a record not yet copied out never vanishes); the first record that is not stops it, and so does a
 * chain that does not verify (a purge never launders a tampered chain). In the same transaction it appends a purge
 * record, linked at once, whose body anchors the chain's new start: the number and hash of the last removed record,
 * the count, the cutoff. It holds the realm's chain head row locked from its first read to its commit, as the
 * linker does, so the two never work on one chain at once.
 */
public final class RetentionPurge {

    static final String LOCK = "ciamkit-audit-purge";
    private static final String AUDIT_TOPICS = ChainLinker.TOPIC_PREFIX + "%";
    private static final String RECORD_TOPICS = ChainLinker.RECORD_TOPIC_PREFIX + "%";
    private static final int TRIES = 3;
    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    /**
     * @param purged records removed by this run
     * @param throughSeq the number of the last one removed (0 if none)
     * @param refused why the chain was left as it is (null when nothing stood in the way)
     */
    public record Outcome(long purged, long throughSeq, String refused) {
        static Outcome nothing() {
            return new Outcome(0, 0, null);
        }
    }

    private final KeycloakSessionFactory factory;
    private final ChainLinker linker;
    private final RetentionSettings settings;
    private final int lockSeconds;
    private final Counter purged = Counter.builder("ciamkit.audit.purged")
            .description("Audit records removed by the retention purge")
            .register(Metrics.globalRegistry);

    public RetentionPurge(
            KeycloakSessionFactory factory, ChainLinker linker, RetentionSettings settings, int lockSeconds) {
        this.factory = factory;
        this.linker = linker;
        this.settings = settings;
        this.lockSeconds = lockSeconds;
    }

    /** The scheduled run: every realm with a chain, unless another node is purging. Never throws. */
    public void purgeAll() {
        try {
            KeycloakModelUtils.runJobInTransaction(
                    factory,
                    session -> session.getProvider(ClusterProvider.class)
                            .executeIfNotExecuted(LOCK, lockSeconds, () -> {
                                List<String> realms = KeycloakModelUtils.runJobInTransactionWithResult(
                                        factory,
                                        s -> AuditTrail.em(s)
                                                .createQuery(
                                                        "select h.realmId from AuditChainHeadEntity h", String.class)
                                                .getResultList());
                                realms.forEach(this::purgeRealm);
                                return realms.size();
                            }));
        } catch (RuntimeException | LinkageError e) {
            LOG.warnf(
                    "CIAM Kit audit: the retention purge failed (%s); the next run tries again",
                    e.getClass().getName());
        }
    }

    /** One realm now (the admin endpoint); empty when another node is purging. */
    public java.util.Optional<Outcome> purgeNow(String realmId) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            ExecutionResult<Outcome> result = session.getProvider(ClusterProvider.class)
                    .executeIfNotExecuted(LOCK, lockSeconds, () -> purgeRealm(realmId));
            return result.isExecuted() ? java.util.Optional.of(result.getResult()) : java.util.Optional.empty();
        });
    }

    /** In a transaction of its own, tried again when a linker changed the chain head meanwhile. */
    private Outcome purgeRealm(String realmId) {
        RuntimeException last = null;
        for (int i = 0; i < TRIES; i++) {
            try {
                return KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> purge(s, realmId));
            } catch (RuntimeException e) {
                last = e;
            }
        }
        LOG.warnf(
                "CIAM Kit audit: the retention purge of realm %s failed (%s); the next run tries again",
                realmId, last.getClass().getName());
        return new Outcome(0, 0, "failed: " + last.getClass().getSimpleName());
    }

    Outcome purge(KeycloakSession session, String realmId) {
        EntityManager em = AuditTrail.em(session);
        RealmModel realm = session.realms().getRealm(realmId);
        // records outlive their realm: a removed realm's are kept as long as the default says
        int days = realm == null
                ? AuditRealmConfig.DEFAULT_RETENTION_DAYS
                : AuditRealmConfig.of(realm).retentionDays();
        long now = Time.currentTimeMillis();
        long cutoff = now - settings.retentionMillis(days);
        // the head first, locked until commit, as the linker takes it: no linker extends the chain while this purge
        // reads and deletes its start (and the two never wait for each other's locks in opposite orders)
        dev.ciamkit.audit.chain.AuditChainHeadEntity head = em.find(
                dev.ciamkit.audit.chain.AuditChainHeadEntity.class,
                realmId,
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            return Outcome.nothing();
        }
        ChainStart start = ChainCheck.start(
                em,
                realmId,
                (mac, hash) -> session.getProvider(dev.ciamkit.common.crypto.spi.EnvelopeProvider.class)
                        .identifierMatches(mac, ChainHash.MAC_PURPOSE, hash));
        if (start.refused() != null) {
            return refused(realmId, start.refused());
        }
        long first = start.seq();
        Long young = em.createQuery(
                        "select min(r.seq) from AuditRecordEntity r where r.realmId = :realm and r.seq >= :first"
                                + " and r.createdAt >= :cutoff",
                        Long.class)
                .setParameter("realm", realmId)
                .setParameter("first", first)
                .setParameter("cutoff", cutoff)
                .getSingleResult();
        Long waiting = em.createQuery(
                        "select min(m.orderKey) from OutboxMessageEntity m where m.realmId = :realm"
                                + " and (m.topic like :topics or m.topic like :records)",
                        Long.class)
                .setParameter("realm", realmId)
                .setParameter("topics", AUDIT_TOPICS)
                .setParameter("records", RECORD_TOPICS)
                .getSingleResult();
        long through = through(first, head.getSeq(), young, waiting, settings.purgeBatch());
        if (through < first) {
            return Outcome.nothing();
        }
        EnvelopeProvider keys = session.getProvider(EnvelopeProvider.class);
        ChainVerifier.Result check = ChainCheck.verifyRange(
                em, realmId, first, through, (mac, hash) -> keys.identifierMatches(mac, ChainHash.MAC_PURPOSE, hash));
        if (!check.intact()) {
            return refused(realmId, check);
        }
        String throughHash = em.createQuery(
                        "select r.hash from AuditRecordEntity r where r.realmId = :realm and r.seq = :seq",
                        String.class)
                .setParameter("realm", realmId)
                .setParameter("seq", through)
                .getSingleResult();
        int deleted = em.createQuery("delete from AuditRecordEntity r where r.realmId = :realm and r.seq <= :through"
                        + " and r.linkedAt > 0")
                .setParameter("realm", realmId)
                .setParameter("through", through)
                .executeUpdate();
        String id = KeycloakModelUtils.generateId();
        AuditTrail.insert(
                session,
                PurgeRecords.entry(
                        id,
                        realmId,
                        now,
                        new PurgeAnchor(through, throughHash, deleted, cutoff),
                        days,
                        settings.dayMillis()));
        em.flush();
        if (linker.linkRows(session, List.of(em.find(AuditRecordEntity.class, id))) != 1) {
            throw new IllegalStateException("the purge record was not linked");
        }
        purged.increment(deleted);
        if (settings.dayMillis() != RetentionSettings.DAY_MILLIS) {
            LOG.errorf(
                    "CIAM Kit audit: ALERT realm %s purged with a retention day of %d ms (test-only option %s):"
                            + " %d records removed long before their retention",
                    realmId, settings.dayMillis(), RetentionSettings.DAY, deleted);
        }
        LOG.infof(
                "CIAM Kit audit: realm %s, %d records up to number %d removed (retention %d days)",
                realmId, deleted, through, days);
        return new Outcome(deleted, through, null);
    }

    private static Outcome refused(String realmId, ChainVerifier.Result result) {
        LOG.errorf(
                "CIAM Kit audit: ALERT realm %s: the chain does not verify (%s at record %d); nothing is purged",
                realmId, result.problem(), result.firstBroken());
        return new Outcome(0, 0, "chain " + result.problem() + " at record " + result.firstBroken());
    }

    /** The last record a purge may remove: a prefix of the chain from {@code first} (less than first: none). */
    static long through(long first, long headSeq, Long firstYoung, Long firstWaiting, int batch) {
        long through = Math.min(headSeq, first + batch - 1);
        if (firstYoung != null) {
            through = Math.min(through, firstYoung - 1);
        }
        if (firstWaiting != null) {
            through = Math.min(through, firstWaiting - 1);
        }
        return through;
    }
}
