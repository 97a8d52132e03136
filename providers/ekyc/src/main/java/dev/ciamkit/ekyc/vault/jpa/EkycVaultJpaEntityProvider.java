package dev.ciamkit.ekyc.vault.jpa;

import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Adds the vault's tables to Keycloak's persistence unit, with their Liquibase changelog. */
final class EkycVaultJpaEntityProvider implements JpaEntityProvider {

    static final String CHANGELOG = "META-INF/ciamkit/ekyc-changelog.xml";

    @Override
    public List<Class<?>> getEntities() {
        return List.of(EkycRecordEntity.class, EkycEvidenceEntity.class, EkycAttemptEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return CHANGELOG;
    }

    @Override
    public String getFactoryId() {
        return EkycVaultJpaEntityProviderFactory.ID;
    }

    @Override
    public void close() {}
}
