package dev.ciamkit.audit.trail;

import dev.ciamkit.audit.chain.AuditChainHeadEntity;
import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Adds the trail's tables to Keycloak's persistence unit, with their Liquibase changelog. */
final class AuditJpaEntityProvider implements JpaEntityProvider {

    @Override
    public List<Class<?>> getEntities() {
        return List.of(
                AuditRecordEntity.class,
                AuditChainHeadEntity.class,
                dev.ciamkit.audit.anomaly.AnomalyCursorEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/ciamkit/audit-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return AuditJpaEntityProviderFactory.ID;
    }

    @Override
    public void close() {}
}
