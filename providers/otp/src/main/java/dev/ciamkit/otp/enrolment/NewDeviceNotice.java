package dev.ciamkit.otp.enrolment;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.common.util.HtmlUtils;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Tells the user by email that a device was registered, so a device added by someone else does not go unnoticed.
 * Sent after the transaction commits, and only when the realm has SMTP set up and the user an email address.
 */
final class NewDeviceNotice {

    static final String TEMPLATE = "ciamkit-new-device.ftl";
    private static final Logger LOG = Logger.getLogger(NewDeviceNotice.class);

    private NewDeviceNotice() {}

    static void sendAfterCommit(KeycloakSession session, RealmModel realm, UserModel user, String label, String ip) {
        Map<String, String> smtp = realm.getSmtpConfig();
        if (user.getEmail() == null
                || smtp == null
                || smtp.get("host") == null
                || smtp.get("host").isBlank()) {
            return;
        }
        EmailTemplateProvider email =
                session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user);
        // Keycloak adds its own entries (msg, realmName, ...) to this map, so it must be mutable. Whoever enrols types
        // the label, and the address can come from a proxy header: the HTML part inserts them escaped, after
        // kcSanitize (see the template); the text part is plain text and gets them raw.
        Map<String, Object> attributes = new HashMap<>(Map.of(
                "deviceLabel",
                label,
                "deviceLabelHtml",
                HtmlUtils.escapeAttribute(label),
                "date",
                new Date(),
                "ipAddress",
                ip,
                "ipAddressHtml",
                HtmlUtils.escapeAttribute(ip)));
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                try {
                    email.send("ciamkitNewDeviceSubject", List.of(), TEMPLATE, attributes);
                } catch (EmailException | RuntimeException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    LOG.warnf(
                            "CIAM Kit: new-device notice for user %s not sent: %s (%s)",
                            user.getId(), e.getMessage(), cause.getClass().getSimpleName());
                }
            }

            @Override
            protected void rollbackImpl() {}
        });
    }
}
