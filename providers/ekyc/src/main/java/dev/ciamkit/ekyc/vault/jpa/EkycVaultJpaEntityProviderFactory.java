package dev.ciamkit.ekyc.vault.jpa;

import dev.ciamkit.common.config.BoundedInt;
import dev.ciamkit.common.task.AfterStartup;
import dev.ciamkit.ekyc.retention.EkycPurge;
import java.util.List;
import java.util.Optional;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Registers the vault's tables and, once the server is up, runs the retention purge on each node every
 * {@code purge-interval-millis} (one node purges at a time: Keycloak's cluster lock). Server options:
 * {@code --spi-jpa-entity-provider--ciamkit-ekyc-vault--<option>}.
 */
public final class EkycVaultJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String ID = "ciamkit-ekyc-vault";
    static final String PURGE_INTERVAL = "purge-interval-millis";
    static final String LOCK = "purge-lock-seconds";
    static final int DEFAULT_PURGE_INTERVAL = 3_600_000;
    static final int DEFAULT_LOCK = 300;

    private static volatile EkycPurge purge;
    private int intervalMillis = DEFAULT_PURGE_INTERVAL;
    private int lockSeconds = DEFAULT_LOCK;
    private AfterStartup task;

    /** This node's purge (it runs once the server is up). */
    public static Optional<EkycPurge> purge() {
        return Optional.ofNullable(purge);
    }

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new EkycVaultJpaEntityProvider();
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
        intervalMillis = BoundedInt.read(config, PURGE_INTERVAL, DEFAULT_PURGE_INTERVAL, 1000, 86_400_000);
        lockSeconds = BoundedInt.read(config, LOCK, DEFAULT_LOCK, 5, 3600);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        EkycPurge started = new EkycPurge(factory, lockSeconds);
        purge = started;
        task = AfterStartup.schedule(factory, "ekyc-purge", intervalMillis, started::runScheduled);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(PURGE_INTERVAL)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Milliseconds between two runs of the eKYC retention purge on a node (1000-86400000,"
                        + " default 3600000); one node purges at a time.")
                .defaultValue(DEFAULT_PURGE_INTERVAL)
                .add()
                .property()
                .name(LOCK)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Seconds a node may hold the purge's cluster lock (5-3600, default 300).")
                .defaultValue(DEFAULT_LOCK)
                .add()
                .build();
    }

    @Override
    public void close() {
        if (task != null) {
            task.close();
        }
    }
}
