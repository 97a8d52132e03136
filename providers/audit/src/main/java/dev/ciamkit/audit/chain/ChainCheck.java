package dev.ciamkit.audit.chain;

import dev.ciamkit.audit.trail.AuditRecordEntity;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Runs the verifier over a realm's chain as stored, page by page in sequence order, from its start: number 1, or the
 * anchor of its latest purge record ({@link ChainStart}).
 */
public final class ChainCheck {

    static final int PAGE = 1000;

    private ChainCheck() {}

    /**
     * @param expectSeq the last number known to exist outside this database (the SIEM's copy), 0 if none: a chain
     *     that ends before it lost its end, even when its head row was rewritten to match
     */
    public static ChainVerifier.Result verify(
            EntityManager em, String realmId, long expectSeq, BiPredicate<String, String> macCheck) {
        AuditChainHeadEntity found = em.find(AuditChainHeadEntity.class, realmId);
        long headSeq = Math.max(found == null ? 0 : found.getSeq(), expectSeq);
        ChainStart start = start(em, realmId, macCheck);
        if (start.refused() != null) {
            return start.refused();
        }
        ChainVerifier verifier = new ChainVerifier(start.seq(), start.prevHash(), macCheck);
        return walk(em, realmId, verifier, start.seq() - 1, Long.MAX_VALUE, headSeq);
    }

    /**
     * Checks the records numbered {@code fromSeq} to {@code toSeq} (a month's, for the review report): the first must
     * link to the record before it (or to the chain's start), each to the one before, none may be missing.
     */
    public static ChainVerifier.Result verifyRange(
            EntityManager em, String realmId, long fromSeq, long toSeq, BiPredicate<String, String> macCheck) {
        ChainStart start = start(em, realmId, macCheck);
        if (start.refused() != null) {
            return start.refused();
        }
        String prevHash;
        if (fromSeq == start.seq()) {
            prevHash = start.prevHash();
        } else if (fromSeq == 1) {
            prevHash = ChainHash.GENESIS;
        } else {
            List<String> before = em.createQuery(
                            "select r.hash from AuditRecordEntity r where r.realmId = :realm and r.seq = :seq",
                            String.class)
                    .setParameter("realm", realmId)
                    .setParameter("seq", fromSeq - 1)
                    .getResultList();
            if (before.isEmpty() || before.get(0) == null) {
                return new ChainVerifier.Result(
                        0,
                        0,
                        0,
                        ChainVerifier.Problem.MISSING,
                        fromSeq - 1,
                        null,
                        "no record numbered " + (fromSeq - 1) + " before the range");
            }
            prevHash = before.get(0);
        }
        ChainVerifier verifier = new ChainVerifier(fromSeq, prevHash, macCheck);
        return walk(em, realmId, verifier, fromSeq - 1, toSeq, toSeq);
    }

    /**
     * The chain's start: after the anchor of the latest linked purge record (its hash and MAC checked), or number 1.
     */
    public static ChainStart start(EntityManager em, String realmId, BiPredicate<String, String> macCheck) {
        List<AuditRecordEntity> purge = em.createQuery(
                        "select r from AuditRecordEntity r where r.realmId = :realm and r.kind = :kind"
                                + " and r.seq is not null and r.linkedAt > 0 order by r.seq desc",
                        AuditRecordEntity.class)
                .setParameter("realm", realmId)
                .setParameter("kind", PurgeAnchor.KIND)
                .setMaxResults(1)
                .getResultList();
        return purge.isEmpty() ? ChainStart.genesis() : ChainStart.afterPurge(row(purge.get(0)), macCheck);
    }

    private static ChainRow row(AuditRecordEntity r) {
        return new ChainRow(
                r.getId(),
                r.getRealmId(),
                r.getSeq(),
                r.getPrevHash(),
                r.getHash(),
                r.getMac(),
                r.columns(),
                r.getBody());
    }

    private static ChainVerifier.Result walk(
            EntityManager em, String realmId, ChainVerifier verifier, long after, long to, long headSeq) {
        while (true) {
            List<AuditRecordEntity> page = em.createQuery(
                            "select r from AuditRecordEntity r where r.realmId = :realm and r.seq > :after"
                                    + " and r.seq <= :to order by r.seq",
                            AuditRecordEntity.class)
                    .setParameter("realm", realmId)
                    .setParameter("after", after)
                    .setParameter("to", to)
                    .setMaxResults(PAGE)
                    .getResultList();
            for (AuditRecordEntity r : page) {
                if (!verifier.accept(row(r))) {
                    return verifier.finish(headSeq);
                }
                after = r.getSeq();
            }
            em.clear();
            if (page.size() < PAGE) {
                return verifier.finish(headSeq);
            }
        }
    }
}
