package dev.ciamkit.otp.admin;

import dev.ciamkit.common.report.AdminResourceFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Mounts the mobile-OTP report and actions at {@code /admin/realms/{realm}/ciamkit-otp}. */
public final class OtpAdminResourceProviderFactory extends AdminResourceFactory {

    public static final String ID = "ciamkit-otp";

    @Override
    protected Object resource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new OtpAdminResource(session, realm, auth, adminEvent);
    }

    @Override
    public String getId() {
        return ID;
    }
}
