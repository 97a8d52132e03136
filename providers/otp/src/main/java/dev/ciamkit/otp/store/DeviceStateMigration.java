package dev.ciamkit.otp.store;

import dev.ciamkit.otp.credential.MobileOtpCredentialModel;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Devices enrolled before the state table existed keep their state in the credential data. Their row is created from
 * it, in a transaction of its own so that two requests (or nodes) racing to create it cannot spoil the request: the
 * loser's insert fails on the primary key, and both then lock the one row.
 */
public final class DeviceStateMigration {

    private static final Logger LOG = Logger.getLogger(DeviceStateMigration.class);

    private DeviceStateMigration() {}

    public static void ensureRow(KeycloakSessionFactory factory, String userId, MobileOtpCredentialModel device) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, tx -> {
                DeviceStates states = new DeviceStates(tx);
                if (states.find(device.getId()) == null) {
                    EntityManager em =
                            tx.getProvider(JpaConnectionProvider.class).getEntityManager();
                    List<String> realm = em.createQuery(
                                    "select u.realmId from UserEntity u where u.id = :id", String.class)
                            .setParameter("id", userId)
                            .getResultList();
                    if (!realm.isEmpty()) {
                        states.create(realm.get(0), userId, device.getId(), device.data(), createdMillis(device));
                    }
                }
            });
        } catch (RuntimeException e) {
            // Another request created the row first, or the credential was removed meanwhile; the locked read decides.
            LOG.debugf("CIAM Kit: device state for credential %s not created here: %s", device.getId(), e.toString());
        }
    }

    static long createdMillis(MobileOtpCredentialModel device) {
        return device.getCreatedDate() == null ? 0 : device.getCreatedDate();
    }
}
