package dev.ciamkit.audit.admin;

import dev.ciamkit.common.report.AdminResourceFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Mounts the audit trail's admin resource at {@code /admin/realms/{realm}/ciamkit-audit}. */
public final class AuditAdminResourceProviderFactory extends AdminResourceFactory {

    public static final String ID = "ciamkit-audit";

    @Override
    protected Object resource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new AuditAdminResource(session, realm, auth, adminEvent);
    }

    @Override
    public String getId() {
        return ID;
    }
}
