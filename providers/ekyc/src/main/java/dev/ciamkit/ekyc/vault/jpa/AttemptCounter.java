package dev.ciamkit.ekyc.vault.jpa;

import jakarta.persistence.EntityManager;
import java.util.function.Function;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Counts a user's verification attempts per day atomically across nodes: {@code UPDATE ... SET ATTEMPTS = ATTEMPTS + 1}
 * (the row lock orders concurrent updates), and when the day has no row yet, an insert. Two first attempts racing on
 * two nodes both find no row and both insert: the primary key refuses the second, whose transaction is then tried
 * again from the start and finds the row. Each try is a transaction of its own, committed at once, so an attempt
 * counts even when the request that made it fails (and a PostgreSQL transaction aborted by the refused insert is never
 * the request's).
 */
public final class AttemptCounter {

    static final int TRIES = 3;

    /** One try in a fresh transaction; a failed try throws. */
    interface Transactions {
        int inNewTransaction(Function<EntityManager, Integer> work);
    }

    private final Transactions transactions;

    AttemptCounter(Transactions transactions) {
        this.transactions = transactions;
    }

    public static AttemptCounter of(KeycloakSessionFactory factory) {
        return new AttemptCounter(work -> KeycloakModelUtils.runJobInTransactionWithResult(
                factory,
                (KeycloakSession s) ->
                        work.apply(s.getProvider(JpaConnectionProvider.class).getEntityManager())));
    }

    /** The new count of the user's attempts on {@code epochDay}. */
    public int increment(String realmId, String userId, long epochDay) {
        RuntimeException last = null;
        for (int i = 0; i < TRIES; i++) {
            try {
                return transactions.inNewTransaction(em -> once(em, realmId, userId, epochDay));
            } catch (RuntimeException e) { // the insert lost the race (or the database hiccupped): try again
                last = e;
            }
        }
        throw new IllegalStateException("the eKYC attempt could not be counted", last);
    }

    static int once(EntityManager em, String realmId, String userId, long epochDay) {
        int updated = em.createQuery("update EkycAttemptEntity a set a.attempts = a.attempts + 1"
                        + " where a.realmId = :realm and a.userId = :user and a.day = :day")
                .setParameter("realm", realmId)
                .setParameter("user", userId)
                .setParameter("day", epochDay)
                .executeUpdate();
        if (updated == 0) {
            EkycAttemptEntity first = new EkycAttemptEntity();
            first.setRealmId(realmId);
            first.setUserId(userId);
            first.setDay(epochDay);
            first.setAttempts(1);
            em.persist(first);
            em.flush();
            return 1;
        }
        return em.createQuery(
                        "select a.attempts from EkycAttemptEntity a where a.realmId = :realm and a.userId = :user"
                                + " and a.day = :day",
                        Integer.class)
                .setParameter("realm", realmId)
                .setParameter("user", userId)
                .setParameter("day", epochDay)
                .getSingleResult();
    }
}
