package dev.ciamkit.audit.anomaly;

import java.util.Arrays;
import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The anomaly fields of the realm's audit page: per rule its threshold, window and actions, then the lock and block
 * durations, the webhook and the security contact. Labels and help texts are message keys.
 */
public final class AnomalyConfigProperties {

    private AnomalyConfigProperties() {}

    public static List<ProviderConfigProperty> all() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        List<String> actions =
                Arrays.stream(AnomalyAction.values()).map(AnomalyAction::id).toList();
        for (AnomalyRule rule : AnomalyRule.values()) {
            boolean hours = rule == AnomalyRule.QUIET_HOURS;
            builder.property()
                    .name(rule.key())
                    .type(hours ? ProviderConfigProperty.STRING_TYPE : ProviderConfigProperty.INTEGER_TYPE)
                    .label("ciamkitAnomaly." + rule.key())
                    .helpText("ciamkitAnomaly." + rule.key() + "Help")
                    .defaultValue(hours ? "" : Integer.toString(rule.defaultThreshold()))
                    .add()
                    .property()
                    .name(rule.windowKey())
                    .type(ProviderConfigProperty.INTEGER_TYPE)
                    .label("ciamkitAnomaly." + rule.windowKey())
                    .helpText("ciamkitAnomaly." + rule.windowKey() + "Help")
                    .defaultValue(Integer.toString(rule.defaultWindowSeconds()))
                    .add()
                    .property()
                    .name(rule.actionsKey())
                    .type(ProviderConfigProperty.MULTIVALUED_LIST_TYPE)
                    .options(actions)
                    .label("ciamkitAnomaly." + rule.actionsKey())
                    .helpText("ciamkitAnomalyActionsHelp")
                    .add();
        }
        return builder.property()
                .name(AnomalyConfig.LOCK_SECONDS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitAnomaly." + AnomalyConfig.LOCK_SECONDS)
                .helpText("ciamkitAnomaly." + AnomalyConfig.LOCK_SECONDS + "Help")
                .defaultValue(Integer.toString(AnomalyConfig.DEFAULT_LOCK_SECONDS))
                .add()
                .property()
                .name(AnomalyConfig.BLOCK_SECONDS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitAnomaly." + AnomalyConfig.BLOCK_SECONDS)
                .helpText("ciamkitAnomaly." + AnomalyConfig.BLOCK_SECONDS + "Help")
                .defaultValue(Integer.toString(AnomalyConfig.DEFAULT_BLOCK_SECONDS))
                .add()
                .property()
                .name(AnomalyConfig.WEBHOOK_URL)
                .type(ProviderConfigProperty.URL_TYPE)
                .label("ciamkitAnomaly." + AnomalyConfig.WEBHOOK_URL)
                .helpText("ciamkitAnomaly." + AnomalyConfig.WEBHOOK_URL + "Help")
                .add()
                .property()
                .name(AnomalyConfig.WEBHOOK_SECRET)
                .type(ProviderConfigProperty.PASSWORD)
                .secret(true)
                .label("ciamkitAnomaly." + AnomalyConfig.WEBHOOK_SECRET)
                .helpText("ciamkitAnomaly." + AnomalyConfig.WEBHOOK_SECRET + "Help")
                .add()
                .property()
                .name(AnomalyConfig.SECURITY_EMAIL)
                .type(ProviderConfigProperty.STRING_TYPE)
                .label("ciamkitAnomaly." + AnomalyConfig.SECURITY_EMAIL)
                .helpText("ciamkitAnomaly." + AnomalyConfig.SECURITY_EMAIL + "Help")
                .add()
                .build();
    }

    /** Checks the anomaly fields of a saved page; returns the message key of the first bad one, or null. */
    public static String invalid(java.util.function.Function<String, String> values) {
        for (AnomalyRule rule : AnomalyRule.values()) {
            if (rule == AnomalyRule.QUIET_HOURS) {
                String hours = values.apply(rule.key());
                if (hours != null && !hours.isBlank() && QuietHours.parse(hours).isEmpty()) {
                    return "ciamkitAnomalyQuietHoursInvalid";
                }
            } else if (!number(values.apply(rule.key()), 0, AnomalyConfig.MAX_THRESHOLD)) {
                return "ciamkitAnomalyNumberInvalid";
            }
            if (!number(values.apply(rule.windowKey()), 1, AnomalyConfig.MAX_WINDOW_SECONDS)) {
                return "ciamkitAnomalyNumberInvalid";
            }
        }
        if (!number(values.apply(AnomalyConfig.LOCK_SECONDS), 1, AnomalyConfig.MAX_LOCK_SECONDS)
                || !number(values.apply(AnomalyConfig.BLOCK_SECONDS), 1, AnomalyConfig.MAX_LOCK_SECONDS)) {
            return "ciamkitAnomalyNumberInvalid";
        }
        String url = values.apply(AnomalyConfig.WEBHOOK_URL);
        if (url != null && !url.isBlank()) {
            if (!webhookUrl(url.trim())) {
                return "ciamkitAnomalyWebhookUrlInvalid";
            }
            String secret = values.apply(AnomalyConfig.WEBHOOK_SECRET);
            if (secret == null || secret.trim().length() < AnomalyConfig.MIN_SECRET) {
                return "ciamkitAnomalyWebhookSecretInvalid";
            }
        }
        String mail = values.apply(AnomalyConfig.SECURITY_EMAIL);
        if (mail != null && !mail.isBlank() && !mail.trim().matches("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+")) {
            return "ciamkitAnomalySecurityEmailInvalid";
        }
        return null;
    }

    private static boolean number(String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return true;
        }
        try {
            int n = Integer.parseInt(value.trim());
            return n >= min && n <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean webhookUrl(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            return uri.isAbsolute()
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
