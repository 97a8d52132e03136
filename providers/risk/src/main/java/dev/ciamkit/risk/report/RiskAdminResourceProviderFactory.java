package dev.ciamkit.risk.report;

import dev.ciamkit.common.report.AdminResourceFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Mounts the risk report at {@code /admin/realms/{realm}/ciamkit-risk}. */
public final class RiskAdminResourceProviderFactory extends AdminResourceFactory {

    public static final String ID = "ciamkit-risk";

    @Override
    protected Object resource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new RiskAdminResource(session, realm, auth, adminEvent);
    }

    @Override
    public String getId() {
        return ID;
    }
}
