package dev.ciamkit.sms.code;

import dev.ciamkit.sms.spi.SmsException;
import dev.ciamkit.sms.spi.SmsMessage;
import dev.ciamkit.sms.spi.SmsSender;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

/**
 * Sends one text now, within the sender's deadline, and says whether it left; builds texts from the login theme's
 * bundles in the user's language with the realm's display name. Nothing here logs the number or the text.
 */
public final class SmsDelivery {

    private static final Logger LOG = Logger.getLogger(SmsDelivery.class);

    private SmsDelivery() {}

    /**
     * Null when the gateway took the message; never throws.
     *
     * @param what names the message in the log line, e.g. {@code "SMS code"}
     */
    public static SmsException deliver(
            KeycloakSession session,
            String senderId,
            Map<String, String> senderConfig,
            SmsMessage message,
            String what) {
        long start = System.nanoTime();
        SmsSender sender = senderId == null ? null : session.getProvider(SmsSender.class, senderId);
        SmsException failure = send(sender, senderConfig, message, what);
        GatewayMetrics.global().record(sender == null ? null : senderId, failure, start);
        return failure;
    }

    private static SmsException send(
            SmsSender sender, Map<String, String> senderConfig, SmsMessage message, String what) {
        if (sender == null) {
            LOG.warnf("CIAM Kit: %s not sent: no SMS sender is configured", what);
            return new SmsException(SmsException.Reason.NOT_CONFIGURED, "no SMS sender");
        }
        try {
            sender.send(message, senderConfig);
            return null;
        } catch (SmsException e) {
            // reason and status only: a third-party sender's message might hold the number
            LOG.warnf(
                    "CIAM Kit: %s not sent: %s (gateway status %d)",
                    what, e.reason().eventError(), e.gatewayStatus());
            return e;
        } catch (RuntimeException e) {
            // the class name carries no number or text
            LOG.warnf("CIAM Kit: %s not sent: %s", what, e.getClass().getName());
            return new SmsException(
                    SmsException.Reason.UNREACHABLE, e.getClass().getName(), e);
        }
    }

    /**
     * A text from the login theme's messages in the user's language; the realm's display name (or name) is
     * argument {0}, {@code args} follow. Plain text: SMS renders no markup.
     */
    public static String text(KeycloakSession session, UserModel user, String key, String fallback, Object... args) {
        RealmModel realm = session.getContext().getRealm();
        Locale locale = session.getContext().resolveLocale(user);
        Object[] all = new Object[args.length + 1];
        all[0] = realmName(realm);
        System.arraycopy(args, 0, all, 1, args.length);
        String pattern = fallback;
        try {
            Properties messages = session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale);
            pattern = messages.getProperty(key, fallback);
        } catch (IOException e) {
            LOG.debugf("CIAM Kit: login theme messages unreadable, using the built-in text for %s", key);
        }
        return new MessageFormat(pattern, locale).format(all);
    }

    static String realmName(RealmModel realm) {
        String display = realm.getDisplayName();
        return display == null || display.isBlank() ? realm.getName() : display.strip();
    }
}
