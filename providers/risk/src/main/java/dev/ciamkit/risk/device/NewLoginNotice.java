package dev.ciamkit.risk.device;

import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Encode;
import org.keycloak.common.util.HtmlUtils;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Tells the user by email about a sign-in from a new device or a new country, with when, roughly where, which browser,
 * and a link to the account console where the device can be removed: a login by someone who has the password does not
 * go unnoticed. Sent after the transaction commits, only when the realm has SMTP set up and the user an email; a
 * failure to send is logged (user id and error class only) and never fails the login.
 */
public final class NewLoginNotice {

    static final String TEMPLATE = "ciamkit-new-login.ftl";
    static final String SUBJECT = "ciamkitNewLoginSubject";
    static final String REASON_DEVICE = "ciamkitNewLoginReasonDevice";
    static final String REASON_COUNTRY = "ciamkitNewLoginReasonCountry";

    private static final Logger LOG = Logger.getLogger(NewLoginNotice.class);

    private NewLoginNotice() {}

    /**
     * @param place "Seoul, KR", or null when unknown (the mail then says so in the user's language)
     * @param browser e.g. "Chrome 131 · Windows"
     * @param newCountry true when the reason is a country never seen for this user, false for a new device
     */
    public static void sendAfterCommit(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            Instant when,
            String place,
            String browser,
            boolean newCountry) {
        Map<String, String> smtp = realm.getSmtpConfig();
        if (user == null
                || user.getEmail() == null
                || smtp == null
                || smtp.get("host") == null
                || smtp.get("host").isBlank()) {
            return;
        }
        Map<String, Object> attributes = attributes(accountUrl(session, realm), when, place, browser, newCountry);
        EmailTemplateProvider email =
                session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user);
        String userId = user.getId();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                try {
                    email.send(SUBJECT, List.of(), TEMPLATE, attributes);
                } catch (EmailException | RuntimeException e) {
                    // No message: it may carry the address or the mail server's answer about it.
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    LOG.warnf(
                            "CIAM Kit: new-login notice for user %s not sent (%s)",
                            userId, cause.getClass().getSimpleName());
                }
            }

            @Override
            protected void rollbackImpl() {}
        });
    }

    /**
     * The template's data. Place and browser come from request headers (address, user agent) and the link from the
     * request's host when no hostname is set: the HTML part inserts them escaped, after kcSanitize (see the template);
     * the text part is plain text and gets them raw. Keycloak adds its own entries, so the map is mutable.
     */
    static Map<String, Object> attributes(
            String accountUrl, Instant when, String place, String browser, boolean newCountry) {
        String browserText = browser == null || browser.isBlank() ? Browser.OTHER : browser;
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("date", Date.from(when == null ? Instant.now() : when));
        attributes.put("browser", browserText);
        attributes.put("browserHtml", HtmlUtils.escapeAttribute(browserText));
        attributes.put("accountUrl", accountUrl);
        attributes.put("accountUrlHtml", HtmlUtils.escapeAttribute(accountUrl));
        attributes.put("reasonKey", newCountry ? REASON_COUNTRY : REASON_DEVICE);
        if (place != null && !place.isBlank()) {
            attributes.put("place", place);
            attributes.put("placeHtml", HtmlUtils.escapeAttribute(place));
        }
        return attributes;
    }

    static String accountUrl(KeycloakSession session, RealmModel realm) {
        URI base = session.getContext().getUri().getBaseUri();
        String root = base.toString();
        return (root.endsWith("/") ? root : root + "/") + "realms/" + Encode.encodePathSegmentAsIs(realm.getName())
                + "/account";
    }
}
