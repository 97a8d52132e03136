package dev.ciamkit.audit.config;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.ui.extend.UiPageProvider;
import org.keycloak.services.ui.extend.UiPageProviderFactory;

/**
 * "CIAM Kit audit" in the admin console: a page of the realm where an admin saves the realm's audit settings
 * (retention, anomaly rules and their actions) as a component. Saving checks every value, so a retention below a year
 * is refused with a message instead of being stored.
 */
public final class AuditRealmPageFactory implements UiPageProviderFactory<UiPageProvider> {

    public static final String ID = "ciamkit-audit";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getHelpText() {
        return "CIAM Kit audit: retention of the tamper-evident trail, anomaly rules and what they do";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return AuditRealmConfigProperties.all();
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        String retention = model.get(AuditRealmConfig.RETENTION_DAYS);
        if (retention != null && !retention.isBlank()) {
            int days;
            try {
                days = Integer.parseInt(retention.trim());
            } catch (NumberFormatException e) {
                throw new ComponentValidationException("ciamkitAuditRetentionInvalid");
            }
            if (days < AuditRealmConfig.MIN_RETENTION_DAYS || days > AuditRealmConfig.MAX_RETENTION_DAYS) {
                throw new ComponentValidationException("ciamkitAuditRetentionInvalid");
            }
        }
        checkTimeZone(model);
        String anomaly = dev.ciamkit.audit.anomaly.AnomalyConfigProperties.invalid(model::get);
        if (anomaly != null) {
            throw new ComponentValidationException(anomaly);
        }
    }

    private static void checkTimeZone(ComponentModel model) {
        String zone = model.get(AuditRealmConfig.TIME_ZONE);
        if (zone != null && !zone.isBlank()) {
            try {
                java.time.ZoneId.of(zone.trim());
            } catch (java.time.DateTimeException e) {
                throw new ComponentValidationException("ciamkitAuditTimeZoneInvalid");
            }
        }
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
