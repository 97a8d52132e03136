package dev.ciamkit.common.outbox;

import dev.ciamkit.common.task.AfterStartup;
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
 * Registers the outbox table and owns its worker: once the server is up, every node runs a delivery round each
 * {@code --spi-jpa-entity-provider--ciamkit-outbox--interval-millis} (default 1000); Keycloak's cluster lock lets one
 * node deliver at a time. Options: {@code batch}, {@code lock-seconds}, {@code initial-backoff-millis},
 * {@code max-backoff-millis} (see {@link OutboxSettings}).
 */
public final class OutboxJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String ID = "ciamkit-outbox";
    private static final String TASK = "ciamkit-outbox-worker";

    private static volatile OutboxWorker worker;
    private OutboxSettings settings = OutboxSettings.DEFAULT;
    private AfterStartup task;

    /** This node's worker (it runs once the server is up), e.g. for an admin endpoint that delivers now. */
    public static Optional<OutboxWorker> worker() {
        return Optional.ofNullable(worker);
    }

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new OutboxJpaEntityProvider();
    }

    @Override
    public void init(Config.Scope config) {
        settings = OutboxSettings.read(config);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        OutboxWorker started = new OutboxWorker(factory, settings);
        worker = started;
        task = AfterStartup.schedule(factory, TASK, settings.intervalMillis(), started::runRound);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(OutboxSettings.INTERVAL)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Milliseconds between two delivery rounds of a node (100-3600000, default 1000).")
                .defaultValue(OutboxSettings.DEFAULT.intervalMillis())
                .add()
                .property()
                .name(OutboxSettings.BATCH)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Messages handed to a handler at once (1-5000, default 500).")
                .defaultValue(OutboxSettings.DEFAULT.batch())
                .add()
                .property()
                .name(OutboxSettings.LOCK)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Seconds a node may hold the cluster-wide delivery lock; the longest a killed node delays"
                        + " delivery (5-3600, default 60).")
                .defaultValue(OutboxSettings.DEFAULT.lockSeconds())
                .add()
                .property()
                .name(OutboxSettings.INITIAL_BACKOFF)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Milliseconds before retrying a stream's first failed delivery, doubled per attempt"
                        + " (100-3600000, default 1000).")
                .defaultValue(OutboxSettings.DEFAULT.initialBackoffMillis())
                .add()
                .property()
                .name(OutboxSettings.MAX_BACKOFF)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("The longest wait between two attempts, in milliseconds (default 300000).")
                .defaultValue(OutboxSettings.DEFAULT.maxBackoffMillis())
                .add()
                .build();
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void close() {
        if (task != null) {
            task.close();
        }
    }
}
