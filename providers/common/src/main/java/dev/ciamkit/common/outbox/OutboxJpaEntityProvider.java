package dev.ciamkit.common.outbox;

import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Adds the outbox table to Keycloak's persistence unit, with its Liquibase changelog. */
final class OutboxJpaEntityProvider implements JpaEntityProvider {

    @Override
    public List<Class<?>> getEntities() {
        return List.of(OutboxMessageEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/ciamkit/outbox-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return OutboxJpaEntityProviderFactory.ID;
    }

    @Override
    public void close() {}
}
