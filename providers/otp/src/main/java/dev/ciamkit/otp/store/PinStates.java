package dev.ciamkit.otp.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Reads and writes PIN state rows in the given session's transaction. */
public final class PinStates {

    private static final Logger LOG = Logger.getLogger(PinStates.class);

    private final EntityManager em;

    public PinStates(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** The row, locked until the transaction ends; null when there is none. Call it on a fresh session. */
    public PinStateEntity lock(String credentialId) {
        return em.find(PinStateEntity.class, credentialId, LockModeType.PESSIMISTIC_WRITE);
    }

    public PinStateEntity find(String credentialId) {
        return em.find(PinStateEntity.class, credentialId);
    }

    /** A new, unlocked row for a PIN credential that is already written (flush first: the foreign key). */
    public void create(String realmId, String userId, String credentialId) {
        em.flush();
        PinStateEntity row = new PinStateEntity();
        row.setCredentialId(credentialId);
        row.setRealmId(realmId);
        row.setUserId(userId);
        em.persist(row);
    }

    /**
     * Creates the row of a PIN that has none (imported with the user, say), in a transaction of its own: when two
     * requests race, the loser's insert fails on the primary key and both then lock the one row.
     */
    public static void ensureRow(KeycloakSessionFactory factory, String realmId, String userId, String credentialId) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, tx -> {
                PinStates states = new PinStates(tx);
                if (states.find(credentialId) == null) {
                    states.create(realmId, userId, credentialId);
                }
            });
        } catch (RuntimeException e) {
            LOG.debugf("CIAM Kit: PIN state for credential %s not created here: %s", credentialId, e.toString());
        }
    }
}
