package dev.ciamkit.audit.anomaly;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.keycloak.common.util.HtmlUtils;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailSenderProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;

/**
 * The alert mail to the realm's security contact, in the realm's default language, with the realm's SMTP settings.
 * Every value is HTML-escaped in the HTML part; the mail holds what the webhook holds and nothing more.
 */
final class AnomalyMail {

    private AnomalyMail() {}

    /** Null when the SMTP server took the mail; else the exception class. */
    static String send(KeycloakSession session, RealmModel realm, AnomalyConfig config, JsonNode alert) {
        Properties messages = messages(session, realm, locale(realm));
        String rule = alert.path("rule").asText();
        String ruleName = messages.getProperty("ciamkitAnomalyRule." + rule, rule);
        // one line whatever a realm's name or a localized pattern holds
        String subject = format(messages, "ciamkitAnomalyMailSubject", realm.getName(), ruleName)
                .replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ");
        List<String> lines = new ArrayList<>();
        lines.add(format(messages, "ciamkitAnomalyMailIntro", realm.getName(), ruleName));
        lines.add(format(
                messages,
                "ciamkitAnomalyMailCount",
                alert.path("count").asText(),
                alert.path("threshold").asText(),
                alert.path("windowSeconds").asText()));
        lines.add(format(
                messages,
                "ciamkitAnomalyMailTime",
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        Instant.ofEpochMilli(alert.path("lastAt").asLong()).atZone(config.zone()))));
        if (alert.hasNonNull("user")) {
            lines.add(format(
                    messages,
                    "ciamkitAnomalyMailUser",
                    alert.path("user").asText(),
                    alert.path("username").asText("-")));
        }
        if (alert.hasNonNull("address")) {
            lines.add(format(
                    messages, "ciamkitAnomalyMailAddress", alert.path("address").asText()));
        }
        lines.add(format(
                messages, "ciamkitAnomalyMailRecord", alert.path("recordId").asText()));
        String text = String.join("\n", lines) + "\n";
        StringBuilder html = new StringBuilder("<html><body>");
        for (String line : lines) {
            html.append("<p>").append(HtmlUtils.escapeAttribute(line)).append("</p>");
        }
        html.append("</body></html>");
        try {
            session.getProvider(EmailSenderProvider.class)
                    .send(realm.getSmtpConfig(), config.securityEmail().orElseThrow(), subject, text, html.toString());
            return null;
        } catch (EmailException | RuntimeException e) {
            return e.getClass().getName();
        }
    }

    private static Locale locale(RealmModel realm) {
        String tag = realm.getDefaultLocale();
        return tag == null || tag.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(tag);
    }

    /** The email theme's messages (ours included, with the realm's overrides); our own bundle if none can be had. */
    private static Properties messages(KeycloakSession session, RealmModel realm, Locale locale) {
        Properties messages = own(Locale.ENGLISH);
        messages.putAll(own(locale));
        try {
            Theme theme = session.theme().getTheme(Theme.Type.EMAIL);
            messages.putAll(theme.getEnhancedMessages(realm, locale));
        } catch (IOException | RuntimeException e) {
            // our bundle already holds every key
        }
        return messages;
    }

    private static Properties own(Locale locale) {
        Properties properties = new Properties();
        String name = "theme-resources/messages/messages_" + locale.getLanguage() + ".properties";
        try (InputStream in = AnomalyMail.class.getClassLoader().getResourceAsStream(name)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // an empty bundle: the keys themselves are shown
        }
        return properties;
    }

    private static String format(Properties messages, String key, Object... args) {
        String pattern = messages.getProperty(key, key);
        try {
            return new MessageFormat(pattern, Locale.ROOT).format(args);
        } catch (IllegalArgumentException e) {
            return pattern;
        }
    }
}
