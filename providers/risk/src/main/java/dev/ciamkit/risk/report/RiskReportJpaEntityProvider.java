package dev.ciamkit.risk.report;

import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Adds the assessment table to Keycloak's persistence unit, with its Liquibase changelog. */
final class RiskReportJpaEntityProvider implements JpaEntityProvider {

    @Override
    public List<Class<?>> getEntities() {
        return List.of(RiskAssessmentEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/ciamkit/risk-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return RiskReportJpaEntityProviderFactory.ID;
    }

    @Override
    public void close() {}
}
