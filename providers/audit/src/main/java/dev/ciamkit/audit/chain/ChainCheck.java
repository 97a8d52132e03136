package dev.ciamkit.audit.chain;

import dev.ciamkit.audit.trail.AuditRecordEntity;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.function.BiPredicate;

/** Runs the verifier over a realm's chain as stored, page by page in sequence order. */
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
        ChainVerifier verifier = new ChainVerifier(1, ChainHash.GENESIS, macCheck);
        long after = 0;
        while (true) {
            List<AuditRecordEntity> page = em.createQuery(
                            "select r from AuditRecordEntity r where r.realmId = :realm and r.seq > :after"
                                    + " order by r.seq",
                            AuditRecordEntity.class)
                    .setParameter("realm", realmId)
                    .setParameter("after", after)
                    .setMaxResults(PAGE)
                    .getResultList();
            for (AuditRecordEntity r : page) {
                if (!verifier.accept(new ChainRow(
                        r.getId(),
                        r.getRealmId(),
                        r.getSeq(),
                        r.getPrevHash(),
                        r.getHash(),
                        r.getMac(),
                        r.columns(),
                        r.getBody()))) {
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
