package dev.ciamkit.otp.form;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.LoginActionsService;

/**
 * Whether the running flow is the realm's reset-credentials flow, however it was reached (the login page's link, the
 * email link in a fresh browser, a direct POST): the flow being run, or the path it was reached by.
 */
final class PasswordReset {

    private PasswordReset() {}

    static boolean isUnderway(AuthenticationFlowContext context) {
        RealmModel realm = context.getRealm();
        AuthenticationFlowModel running = context.getTopLevelFlow();
        AuthenticationFlowModel reset = realm == null ? null : realm.getResetCredentialsFlow();
        return (running != null && reset != null && reset.getId().equals(running.getId()))
                || LoginActionsService.RESET_CREDENTIALS_PATH.equals(context.getFlowPath());
    }
}
