package dev.ciamkit.ekyc.vault.jpa;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** The vault's queries over its own tables, in the caller's transaction. */
public final class VaultStore {

    private final EntityManager em;

    public VaultStore(EntityManager em) {
        this.em = em;
    }

    public static VaultStore of(KeycloakSession session) {
        return new VaultStore(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    public EntityManager em() {
        return em;
    }

    /** The user's verified records still valid at {@code nowMillis}, newest first. */
    public List<EkycRecordEntity> validOf(String realmId, String userId, long nowMillis) {
        return em.createQuery(
                        "select r from EkycRecordEntity r where r.realmId = :realm and r.userId = :user"
                                + " and r.status = :status and r.validUntil > :now"
                                + " order by r.verifiedAt desc, r.createdAt desc",
                        EkycRecordEntity.class)
                .setParameter("realm", realmId)
                .setParameter("user", userId)
                .setParameter("status", EkycRecordEntity.VERIFIED)
                .setParameter("now", nowMillis)
                .getResultList();
    }

    /** Every record of the user, newest first. */
    public List<EkycRecordEntity> of(String realmId, String userId) {
        return em.createQuery(
                        "select r from EkycRecordEntity r where r.realmId = :realm and r.userId = :user"
                                + " order by r.verifiedAt desc, r.createdAt desc",
                        EkycRecordEntity.class)
                .setParameter("realm", realmId)
                .setParameter("user", userId)
                .getResultList();
    }

    public Optional<EkycRecordEntity> find(String realmId, String id) {
        EkycRecordEntity found = em.find(EkycRecordEntity.class, id);
        return found != null && found.getRealmId().equals(realmId) ? Optional.of(found) : Optional.empty();
    }

    /**
     * The records of the realm whose ID number hash is one of {@code hashes}, without their sealed data: id, user id,
     * duplicate flag.
     */
    public List<Object[]> sameNumber(String realmId, Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        return em.createQuery(
                        "select r.id, r.userId, r.duplicate from EkycRecordEntity r where r.realmId = :realm"
                                + " and r.idHash in :hashes",
                        Object[].class)
                .setParameter("realm", realmId)
                .setParameter("hashes", hashes)
                .getResultList();
    }

    /** Flags one record as a duplicate, changing no other column (a withdrawal meanwhile stays one). */
    public void flagDuplicate(String realmId, String id) {
        em.createQuery("update EkycRecordEntity r set r.duplicate = true where r.id = :id and r.realmId = :realm"
                        + " and r.duplicate = false")
                .setParameter("id", id)
                .setParameter("realm", realmId)
                .executeUpdate();
    }

    /** Records flagged as duplicates, newest first. */
    public List<EkycRecordEntity> duplicates(String realmId, int first, int max) {
        return em.createQuery(
                        "select r from EkycRecordEntity r where r.realmId = :realm and r.duplicate = true"
                                + " order by r.verifiedAt desc, r.id",
                        EkycRecordEntity.class)
                .setParameter("realm", realmId)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public void persist(Object entity) {
        em.persist(entity);
    }

    /** Writes what is pending now rather than at the commit. */
    public void flush() {
        em.flush();
    }

    /**
     * Withdraws a record: its sealed names and birth date and its images go now; the row (masked and hashed ID number,
     * methods, vendor references, dates) stays until the realm's record retention ends.
     */
    public void withdraw(EkycRecordEntity record, long nowMillis) {
        record.setStatus(EkycRecordEntity.WITHDRAWN);
        record.setPersonSealed(null);
        record.setCredentialId(null);
        if (record.getWithdrawnAt() == null) {
            record.setWithdrawnAt(nowMillis);
        }
        em.createQuery("delete from EkycEvidenceEntity e where e.recordId = :record")
                .setParameter("record", record.getId())
                .executeUpdate();
    }

    /** Withdraws the user's records held by credential {@code credentialId}; the number withdrawn. */
    public int withdrawCredential(String realmId, String userId, String credentialId, long nowMillis) {
        List<EkycRecordEntity> held = em.createQuery(
                        "select r from EkycRecordEntity r where r.realmId = :realm and r.userId = :user"
                                + " and r.credentialId = :credential",
                        EkycRecordEntity.class)
                .setParameter("realm", realmId)
                .setParameter("user", userId)
                .setParameter("credential", credentialId)
                .getResultList();
        held.forEach(r -> withdraw(r, nowMillis));
        return held.size();
    }

    /** Withdraws every verified record of the user (the user was removed, or verified again). */
    public int withdrawUser(String realmId, String userId, long nowMillis) {
        List<EkycRecordEntity> verified = em.createQuery(
                        "select r from EkycRecordEntity r where r.realmId = :realm and r.userId = :user"
                                + " and r.status = :status",
                        EkycRecordEntity.class)
                .setParameter("realm", realmId)
                .setParameter("user", userId)
                .setParameter("status", EkycRecordEntity.VERIFIED)
                .getResultList();
        verified.forEach(r -> withdraw(r, nowMillis));
        return verified.size();
    }

    /** The images a record keeps, without their bytes: kind, media type, created at (millis). */
    public List<Object[]> evidenceOf(String recordId) {
        return em.createQuery(
                        "select e.kind, e.mediaType, e.createdAt from EkycEvidenceEntity e where e.recordId = :record"
                                + " order by e.kind",
                        Object[].class)
                .setParameter("record", recordId)
                .getResultList();
    }
}
