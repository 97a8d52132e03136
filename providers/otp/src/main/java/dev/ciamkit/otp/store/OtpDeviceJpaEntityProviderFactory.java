package dev.ciamkit.otp.store;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * Registers the device-state table, and once the server is up fills it for devices enrolled before the table existed
 * (see {@link DeviceStateBackfill}).
 */
public final class OtpDeviceJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String ID = "ciamkit-otp-device";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new OtpDeviceJpaEntityProvider();
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                DeviceStateBackfill.run(factory);
            }
        });
    }

    @Override
    public void close() {}
}
