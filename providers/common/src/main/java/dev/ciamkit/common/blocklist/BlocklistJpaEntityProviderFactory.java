package dev.ciamkit.common.blocklist;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers the address block list's table ({@code CIAMKIT_BLOCKED_ADDRESS}) with its Liquibase changelog. */
public final class BlocklistJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String ID = "ciamkit-blocklist";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new JpaEntityProvider() {
            @Override
            public List<Class<?>> getEntities() {
                return List.of(BlockedAddressEntity.class);
            }

            @Override
            public String getChangelogLocation() {
                return "META-INF/ciamkit/blocklist-changelog.xml";
            }

            @Override
            public String getFactoryId() {
                return ID;
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void close() {}
}
