package dev.ciamkit.ekyc.vault.jpa;

import jakarta.persistence.EntityManager;
import java.util.List;

/** The retention purge's statements over the vault's tables, one realm at a time. */
public final class PurgeStore {

    private final EntityManager em;

    public PurgeStore(EntityManager em) {
        this.em = em;
    }

    /** Realms that have records (including realms since removed). */
    public List<String> realmIds() {
        return em.createQuery("select distinct r.realmId from EkycRecordEntity r", String.class)
                .getResultList();
    }

    /**
     * Verified records whose credential is gone from Keycloak's stores (deleted through a path that sent no event of
     * ours: the admin API, user removal): they count as withdrawn.
     */
    public List<EkycRecordEntity> credentialGone(String realmId, int max) {
        return em.createQuery(
                        "select r from EkycRecordEntity r where r.realmId = :realm and r.status = :status"
                                + " and (r.credentialId is null or ("
                                + " not exists (select c.id from CredentialEntity c where c.id = r.credentialId)"
                                + " and not exists (select f.id from FederatedUserCredentialEntity f"
                                + " where f.id = r.credentialId)))",
                        EkycRecordEntity.class)
                .setParameter("realm", realmId)
                .setParameter("status", EkycRecordEntity.VERIFIED)
                .setMaxResults(max)
                .getResultList();
    }

    /** Images older than {@code cutoffMillis}, and every image of a withdrawn record. */
    public int deleteImages(String realmId, long cutoffMillis) {
        return em.createQuery("delete from EkycEvidenceEntity e where e.recordId in"
                        + " (select r.id from EkycRecordEntity r where r.realmId = :realm)"
                        + " and (e.createdAt < :cutoff or e.recordId in"
                        + " (select w.id from EkycRecordEntity w where w.realmId = :realm and w.status = :withdrawn))")
                .setParameter("realm", realmId)
                .setParameter("withdrawn", EkycRecordEntity.WITHDRAWN)
                .setParameter("cutoff", cutoffMillis)
                .executeUpdate();
    }

    /**
     * Records verified before {@code cutoffMillis} and no longer valid at {@code nowMillis}, with their images.
     *
     * @return the number of records deleted
     */
    public int deleteRecords(String realmId, long cutoffMillis, long nowMillis) {
        String expired = "select r.id from EkycRecordEntity r where r.realmId = :realm"
                + " and r.verifiedAt < :cutoff and r.validUntil <= :now";
        em.createQuery("delete from EkycEvidenceEntity e where e.recordId in (" + expired + ")")
                .setParameter("realm", realmId)
                .setParameter("cutoff", cutoffMillis)
                .setParameter("now", nowMillis)
                .executeUpdate();
        return em.createQuery("delete from EkycRecordEntity r where r.realmId = :realm"
                        + " and r.verifiedAt < :cutoff and r.validUntil <= :now")
                .setParameter("realm", realmId)
                .setParameter("cutoff", cutoffMillis)
                .setParameter("now", nowMillis)
                .executeUpdate();
    }

    /** Everything of a realm that no longer exists. */
    public int deleteRealm(String realmId) {
        em.createQuery("delete from EkycEvidenceEntity e where e.recordId in"
                        + " (select r.id from EkycRecordEntity r where r.realmId = :realm)")
                .setParameter("realm", realmId)
                .executeUpdate();
        em.createQuery("delete from EkycAttemptEntity a where a.realmId = :realm")
                .setParameter("realm", realmId)
                .executeUpdate();
        return em.createQuery("delete from EkycRecordEntity r where r.realmId = :realm")
                .setParameter("realm", realmId)
                .executeUpdate();
    }

    /** Attempt counts of days before {@code epochDay}: only today's count is ever read. */
    public int deleteAttemptsBefore(long epochDay) {
        return em.createQuery("delete from EkycAttemptEntity a where a.day < :day")
                .setParameter("day", epochDay)
                .executeUpdate();
    }
}
