package dev.ciamkit.audit.anomaly;

import dev.ciamkit.audit.config.AuditRealmConfig;
import dev.ciamkit.common.config.BoundedInt;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A realm's anomaly rules and actions, read null-safely from its audit settings ({@link AuditRealmConfig}). */
public final class AnomalyConfig {

    public static final String LOCK_SECONDS = "anomalyLockSeconds";
    public static final int DEFAULT_LOCK_SECONDS = 900;
    public static final String BLOCK_SECONDS = "anomalyBlockSeconds";
    public static final int DEFAULT_BLOCK_SECONDS = 3600;
    public static final String WEBHOOK_URL = "anomalyWebhookUrl";
    public static final String WEBHOOK_SECRET = "anomalyWebhookSecret";
    public static final String SECURITY_EMAIL = "anomalySecurityEmail";
    /** The shortest webhook secret accepted (as for the SIEM webhook: {@code openssl rand -hex 32}). */
    public static final int MIN_SECRET = 32;

    static final int MAX_THRESHOLD = 1_000_000;
    static final int MAX_WINDOW_SECONDS = 7 * 86_400;
    static final int MAX_LOCK_SECONDS = 30 * 86_400;

    private final AuditRealmConfig realm;
    private final Map<String, String> values;

    private AnomalyConfig(AuditRealmConfig realm) {
        this.realm = realm;
        this.values = realm.values();
    }

    public static AnomalyConfig of(AuditRealmConfig realm) {
        return new AnomalyConfig(realm);
    }

    /** From plain values (tests). */
    public static AnomalyConfig of(Map<String, String> values) {
        return new AnomalyConfig(AuditRealmConfig.of(values));
    }

    /** The count at which the rule fires; 0: the rule is off. Quiet hours: 1 when hours are set, else 0. */
    public int threshold(AnomalyRule rule) {
        if (rule == AnomalyRule.QUIET_HOURS) {
            return quietHours().isPresent() ? 1 : 0;
        }
        return BoundedInt.read(values, rule.key(), rule.defaultThreshold(), 0, MAX_THRESHOLD);
    }

    public boolean enabled(AnomalyRule rule) {
        return threshold(rule) > 0;
    }

    public int windowSeconds(AnomalyRule rule) {
        return BoundedInt.read(values, rule.windowKey(), rule.defaultWindowSeconds(), 1, MAX_WINDOW_SECONDS);
    }

    /** What the rule does besides its record and metric; none unless the admin chose some. */
    public Set<AnomalyAction> actions(AnomalyRule rule) {
        Set<AnomalyAction> actions = EnumSet.noneOf(AnomalyAction.class);
        actions.addAll(AnomalyAction.parse(values.get(rule.actionsKey())));
        // a user is locked only for guesses at that user's credentials, an address blocked only for what came from
        // it: never the victim's own address, a legitimate night-time user's or an admin's office
        if (rule != AnomalyRule.USER_FAILURES) {
            actions.remove(AnomalyAction.LOCK_USER);
        }
        if (rule.subject() != AnomalyRule.Subject.ADDRESS) {
            actions.remove(AnomalyAction.BLOCK_ADDRESS);
        }
        return actions;
    }

    public Optional<QuietHours> quietHours() {
        return QuietHours.parse(values.get(AnomalyRule.QUIET_HOURS.key()));
    }

    public ZoneId zone() {
        return realm.timeZone();
    }

    public int lockSeconds() {
        return BoundedInt.read(values, LOCK_SECONDS, DEFAULT_LOCK_SECONDS, 1, MAX_LOCK_SECONDS);
    }

    public int blockSeconds() {
        return BoundedInt.read(values, BLOCK_SECONDS, DEFAULT_BLOCK_SECONDS, 1, MAX_LOCK_SECONDS);
    }

    public Optional<String> webhookUrl() {
        return text(WEBHOOK_URL);
    }

    /** The webhook's HMAC key; empty when unset or shorter than {@value #MIN_SECRET} characters. */
    public Optional<String> webhookSecret() {
        return text(WEBHOOK_SECRET).filter(s -> s.length() >= MIN_SECRET);
    }

    public Optional<String> securityEmail() {
        return text(SECURITY_EMAIL);
    }

    private Optional<String> text(String key) {
        String value = values.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
