package dev.ciamkit.audit.export;

import dev.ciamkit.common.outbox.spi.OutboxHandler;
import dev.ciamkit.common.outbox.spi.OutboxHandlerFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Delivers the export topics {@code ciamkit-audit-range:<sink>} (see {@link AuditExportHandlerFactory}). A topic of its
 * own, so that a node of a version before ranges has no handler for them and leaves them waiting.
 */
public final class AuditRangeExportHandlerFactory implements OutboxHandlerFactory {

    public static final String ID = "ciamkit-audit-range";

    @Override
    public OutboxHandler create(KeycloakSession session) {
        return (realmId, topic, messages) -> AuditExportHandlerFactory.deliver(session, realmId, topic, messages);
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
