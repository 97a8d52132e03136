package dev.ciamkit.otp.admin;

import dev.ciamkit.otp.credential.DeviceData;
import dev.ciamkit.otp.credential.MobileOtpCredentialModel;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * Reads every mobile-OTP device of a realm in one query over Keycloak's own credential and user tables, public
 * credential data only (the secret-data column is never selected).
 */
final class RegistrationQuery {

    private static final Logger LOG = Logger.getLogger(RegistrationQuery.class);

    private RegistrationQuery() {}

    /** @param search case-insensitive part of the username, or null; @param state "locked", "active" or null */
    static List<DeviceRow> rows(KeycloakSession session, RealmModel realm, String search, String state) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        List<Object[]> result = em.createQuery(
                        "select c.id, c.userLabel, c.createdDate, c.credentialData, u.id, u.username"
                                + " from CredentialEntity c join c.user u"
                                + " where u.realmId = :realm and c.type = :type"
                                + " order by u.username, c.createdDate",
                        Object[].class)
                .setParameter("realm", realm.getId())
                .setParameter("type", MobileOtpCredentialModel.TYPE)
                .getResultList();
        long now = Time.currentTime();
        String needle = search == null || search.isBlank() ? null : search.toLowerCase(Locale.ROOT);
        return result.stream()
                .filter(r -> needle == null
                        || ((String) r[5]).toLowerCase(Locale.ROOT).contains(needle))
                .flatMap(r -> row(r, now))
                .filter(row -> state == null || state.isBlank() || row.state().equalsIgnoreCase(state))
                .toList();
    }

    private static Stream<DeviceRow> row(Object[] r, long now) {
        try {
            DeviceData data = JsonSerialization.readValue((String) r[3], DeviceData.class);
            return Stream.of(
                    DeviceRow.of((String) r[4], (String) r[5], (String) r[0], (String) r[1], (Long) r[2], data, now));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("CIAM Kit: credential %s has unreadable mobile-OTP data; left out of the report", r[0]);
            return Stream.empty();
        }
    }
}
