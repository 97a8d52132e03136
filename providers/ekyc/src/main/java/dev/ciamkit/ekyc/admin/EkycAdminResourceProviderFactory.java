package dev.ciamkit.ekyc.admin;

import dev.ciamkit.common.report.AdminResourceFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Mounts the eKYC vault's admin resource at {@code /admin/realms/{realm}/ciamkit-ekyc}. */
public final class EkycAdminResourceProviderFactory extends AdminResourceFactory {

    public static final String ID = "ciamkit-ekyc";

    @Override
    protected Object resource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new EkycAdminResource(session, realm, auth, adminEvent);
    }

    @Override
    public String getId() {
        return ID;
    }
}
