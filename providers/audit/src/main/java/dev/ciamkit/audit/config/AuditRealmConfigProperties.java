package dev.ciamkit.audit.config;

import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The fields of the realm's audit page. Labels and help are message keys (admin messages of the audit module). */
final class AuditRealmConfigProperties {

    private AuditRealmConfigProperties() {}

    static List<ProviderConfigProperty> all() {
        List<ProviderConfigProperty> all = new java.util.ArrayList<>(general());
        all.addAll(dev.ciamkit.audit.anomaly.AnomalyConfigProperties.all());
        return all;
    }

    private static List<ProviderConfigProperty> general() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(AuditRealmConfig.RETENTION_DAYS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitAuditRetentionDays")
                .helpText("ciamkitAuditRetentionDaysHelp")
                .defaultValue(Integer.toString(AuditRealmConfig.DEFAULT_RETENTION_DAYS))
                .add()
                .property()
                .name(AuditRealmConfig.TIME_ZONE)
                .type(ProviderConfigProperty.STRING_TYPE)
                .label("ciamkitAuditTimeZone")
                .helpText("ciamkitAuditTimeZoneHelp")
                .defaultValue(AuditRealmConfig.DEFAULT_TIME_ZONE)
                .add()
                .build();
    }
}
