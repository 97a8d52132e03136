package dev.ciamkit.risk.report;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.timer.TimerProvider;

/**
 * Registers the assessment table and owns its bounds, server settings (never a realm's):
 * {@code --spi-jpa-entity-provider--ciamkit-risk-report--retention-days} (default 90) and {@code --...--per-user}
 * (default 50 most recent rows per user). A timer on each node purges rows past the retention every
 * {@code --...--purge-interval-seconds} (default 3600); the purge is one idempotent DELETE, so nodes running it at once
 * do no harm.
 */
public final class RiskReportJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String ID = "ciamkit-risk-report";
    static final String RETENTION_DAYS = "retention-days";
    static final String PER_USER = "per-user";
    static final String PURGE_INTERVAL = "purge-interval-seconds";
    private static final String TASK = "ciamkit-risk-report-purge";

    private static volatile RiskReportSettings settings = RiskReportSettings.DEFAULT;

    /** The bounds this server runs with (defaults until the factory is initialised, e.g. in unit tests). */
    public static RiskReportSettings settings() {
        return settings;
    }

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new RiskReportJpaEntityProvider();
    }

    @Override
    public void init(Config.Scope config) {
        settings = new RiskReportSettings(
                config.getInt(RETENTION_DAYS, RiskReportSettings.DEFAULT.retentionDays()),
                config.getInt(PER_USER, RiskReportSettings.DEFAULT.perUser()),
                config.getInt(PURGE_INTERVAL, RiskReportSettings.DEFAULT.purgeIntervalSeconds()));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // a user's or a realm's assessments go with them, in the removal's own transaction
        factory.register(event -> {
            if (event instanceof UserModel.UserRemovedEvent removed) {
                RiskAssessmentLog.removeUser(
                        removed.getKeycloakSession(), removed.getUser().getId());
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                RiskAssessmentLog.removeRealm(
                        removed.getKeycloakSession(), removed.getRealm().getId());
            }
        });
        RiskReportSettings bounds = settings;
        KeycloakModelUtils.runJobInTransaction(
                factory,
                session -> session.getProvider(TimerProvider.class)
                        .scheduleTask(
                                s -> RiskAssessmentLog.purge(s, bounds), bounds.purgeIntervalSeconds() * 1000L, TASK));
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(RETENTION_DAYS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Days an assessment stays in the risk report (1-3650, default 90).")
                .defaultValue(RiskReportSettings.DEFAULT.retentionDays())
                .add()
                .property()
                .name(PER_USER)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Most recent assessments kept per user (1-1000, default 50).")
                .defaultValue(RiskReportSettings.DEFAULT.perUser())
                .add()
                .property()
                .name(PURGE_INTERVAL)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Seconds between two purges of assessments past the retention (60-86400, default 3600).")
                .defaultValue(RiskReportSettings.DEFAULT.purgeIntervalSeconds())
                .add()
                .build();
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void close() {}
}
