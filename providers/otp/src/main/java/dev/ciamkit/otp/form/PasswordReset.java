package dev.ciamkit.otp.form;

import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Whether the flow running now is the realm's reset-credentials flow (opened from the login page or the email link). */
final class PasswordReset {

    private PasswordReset() {}

    static boolean isUnderway(String flowPath) {
        return LoginActionsService.RESET_CREDENTIALS_PATH.equals(flowPath);
    }

    static boolean isUnderway(KeycloakSession session) {
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        return authSession != null && isUnderway(authSession.getAuthNote(AuthenticationProcessor.CURRENT_FLOW_PATH));
    }
}
