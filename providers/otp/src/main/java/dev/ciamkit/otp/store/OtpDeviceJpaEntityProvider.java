package dev.ciamkit.otp.store;

import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Adds our device-state and PIN-state tables to Keycloak's persistence unit, with its Liquibase changelog. */
final class OtpDeviceJpaEntityProvider implements JpaEntityProvider {

    @Override
    public List<Class<?>> getEntities() {
        return List.of(OtpDeviceStateEntity.class, PinStateEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/ciamkit/otp-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return OtpDeviceJpaEntityProviderFactory.ID;
    }

    @Override
    public void close() {}
}
