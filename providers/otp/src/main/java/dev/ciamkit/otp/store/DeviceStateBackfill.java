package dev.ciamkit.otp.store;

import dev.ciamkit.otp.credential.DeviceData;
import dev.ciamkit.otp.credential.MobileOtpCredentialModel;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.util.JsonSerialization;

/**
 * Once at start-up: a state row for every device enrolled before the table existed, so the report sees them all.
 * Batches in transactions of their own, in credential-id order (keyset), so a million devices never sit in memory.
 * Safe on a cluster: nodes starting together may race on a batch; the loser's batch fails on the primary key and it
 * stops, leaving the rest to the winner (and to the lazy creation at first verification).
 */
final class DeviceStateBackfill {

    private static final Logger LOG = Logger.getLogger(DeviceStateBackfill.class);
    private static final int BATCH = 500;

    private DeviceStateBackfill() {}

    static void run(KeycloakSessionFactory factory) {
        String after = "";
        int total = 0;
        try {
            while (after != null) {
                String from = after;
                int[] created = {0};
                after = KeycloakModelUtils.runJobInTransactionWithResult(factory, tx -> {
                    EntityManager em =
                            tx.getProvider(JpaConnectionProvider.class).getEntityManager();
                    List<Object[]> batch = em.createQuery(
                                    "select c.id, c.credentialData, c.createdDate, u.id, u.realmId"
                                            + " from CredentialEntity c join c.user u"
                                            + " where c.type = :type and c.id > :after and not exists"
                                            + " (select d.credentialId from OtpDeviceStateEntity d"
                                            + " where d.credentialId = c.id)"
                                            + " order by c.id",
                                    Object[].class)
                            .setParameter("type", MobileOtpCredentialModel.TYPE)
                            .setParameter("after", from)
                            .setMaxResults(BATCH)
                            .getResultList();
                    DeviceStates states = new DeviceStates(tx);
                    for (Object[] r : batch) {
                        DeviceData data = parse((String) r[0], (String) r[1]);
                        if (data != null) {
                            states.create((String) r[4], (String) r[3], (String) r[0], data, millis((Long) r[2]));
                            created[0]++;
                        }
                    }
                    return batch.size() < BATCH ? null : (String) batch.get(batch.size() - 1)[0];
                });
                total += created[0];
            }
        } catch (RuntimeException e) {
            LOG.infof("CIAM Kit: mobile-OTP device-state backfill stopped (another node may be running it): %s", e);
        }
        if (total > 0) {
            LOG.infof("CIAM Kit: created the state row of %d mobile-OTP devices enrolled before it existed", total);
        }
    }

    private static DeviceData parse(String credentialId, String json) {
        try {
            return JsonSerialization.readValue(json, DeviceData.class);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("CIAM Kit: credential %s has unreadable mobile-OTP data; no state row", credentialId);
            return null;
        }
    }

    private static long millis(Long value) {
        return value == null ? 0 : value;
    }
}
