package dev.ciamkit.audit.trail;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers the audit trail's tables. */
public final class AuditJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String ID = "ciamkit-audit";

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new AuditJpaEntityProvider();
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
