package dev.ciamkit.audit.config;

import dev.ciamkit.common.config.BoundedInt;
import java.util.Map;
import java.util.Optional;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiPageProvider;

/**
 * A realm's audit settings: the one "CIAM Kit audit" component an admin saves on our page of the admin console
 * ({@link AuditRealmPageFactory}). Null-safe: a realm without the component gets every default.
 */
public final class AuditRealmConfig {

    public static final String RETENTION_DAYS = "retentionDays";
    public static final int DEFAULT_RETENTION_DAYS = 730;
    /** Korea's safety standard: at least a year; two where unique identifiers are processed (the default). */
    public static final int MIN_RETENTION_DAYS = 365;

    public static final int MAX_RETENTION_DAYS = 36_500;
    public static final String TIME_ZONE = "timeZone";
    public static final String DEFAULT_TIME_ZONE = "Asia/Seoul";

    private final Map<String, String> values;

    private AuditRealmConfig(Map<String, String> values) {
        this.values = values;
    }

    /** The realm's settings (the first of our components if an admin saved more than one). */
    public static AuditRealmConfig of(RealmModel realm) {
        Optional<ComponentModel> component = realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .filter(c -> AuditRealmPageFactory.ID.equals(c.getProviderId()))
                .findFirst();
        return of(component.map(AuditRealmConfig::flatten).orElse(Map.of()));
    }

    /** Settings from plain values (tests, defaults). */
    public static AuditRealmConfig of(Map<String, String> values) {
        return new AuditRealmConfig(Map.copyOf(values));
    }

    private static Map<String, String> flatten(ComponentModel component) {
        Map<String, String> flat = new java.util.HashMap<>();
        component.getConfig().forEach((key, list) -> {
            if (list != null && !list.isEmpty() && list.get(0) != null) {
                flat.put(key, String.join("##", list));
            }
        });
        return flat;
    }

    /** Days a record is kept; never below {@value #MIN_RETENTION_DAYS}. */
    public int retentionDays() {
        return BoundedInt.read(values, RETENTION_DAYS, DEFAULT_RETENTION_DAYS, MIN_RETENTION_DAYS, MAX_RETENTION_DAYS);
    }

    /** The realm's time zone: months of the review report, hours of the anomaly rules. A bad id is the default. */
    public java.time.ZoneId timeZone() {
        String raw = values.get(TIME_ZONE);
        if (raw != null && !raw.isBlank()) {
            try {
                return java.time.ZoneId.of(raw.trim());
            } catch (java.time.DateTimeException e) {
                // falls back to the default
            }
        }
        return java.time.ZoneId.of(DEFAULT_TIME_ZONE);
    }

    /** A raw value (for the readers of one concern, e.g. the anomaly rules). */
    public String get(String key) {
        return values.get(key);
    }

    public Map<String, String> values() {
        return values;
    }
}
