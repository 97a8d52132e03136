package dev.ciamkit.audit.review;

import java.io.IOException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.theme.Theme;

/**
 * The report's headings in the admin's language (the audit module's admin messages: English, Korean, Japanese): the
 * {@code locale} asked for, else the admin's own as Keycloak resolves it, English for anything else.
 */
public final class ReviewMessages {

    static final String PREFIX = "ciamkitAuditReview";
    private static final Set<String> LANGUAGES = Set.of("en", "ko", "ja");

    private final Locale locale;
    private final Properties messages;
    private final Properties english;

    ReviewMessages(Locale locale, Properties messages, Properties english) {
        this.locale = locale;
        this.messages = messages;
        this.english = english;
    }

    public static ReviewMessages of(KeycloakSession session, UserModel admin, String asked) {
        Locale locale = asked != null && LANGUAGES.contains(asked)
                ? Locale.forLanguageTag(asked)
                : session.getContext().resolveLocale(admin, Theme.Type.ADMIN);
        if (locale == null || !LANGUAGES.contains(locale.getLanguage())) {
            locale = Locale.ENGLISH;
        }
        try {
            Theme theme = session.theme().getTheme(Theme.Type.ADMIN);
            return new ReviewMessages(locale, theme.getMessages(locale), theme.getMessages(Locale.ENGLISH));
        } catch (IOException e) {
            return new ReviewMessages(Locale.ENGLISH, new Properties(), new Properties());
        }
    }

    public Locale locale() {
        return locale;
    }

    /** {@code ciamkitAuditReview<name>} in the admin's language, English, or the name itself. */
    public String get(String name) {
        String key = PREFIX + name;
        return messages.getProperty(key, english.getProperty(key, name));
    }
}
