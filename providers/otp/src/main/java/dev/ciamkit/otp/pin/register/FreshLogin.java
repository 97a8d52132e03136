package dev.ciamkit.otp.pin.register;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.common.util.Time;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Whether the user proved a factor recently enough to change a PIN. A login that ran its flow in this authentication
 * session is fresh; one that came through the SSO cookie is as old as the user session's {@code AUTH_TIME} (the time
 * Keycloak's re-authentication of application-initiated actions reads too). Keycloak already re-authenticates an
 * account-console request older than the action's {@code max_auth_age}; this check also covers the action when it was
 * set on the user and met through an SSO cookie.
 */
final class FreshLogin {

    private FreshLogin() {}

    static boolean within(RequiredActionContext context, int maxAgeSeconds) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (!"true".equals(authSession.getAuthNote(AuthenticationManager.SSO_AUTH))) {
            return true;
        }
        UserSessionModel userSession = context.getSession()
                .sessions()
                .getUserSession(
                        context.getRealm(), authSession.getParentSession().getId());
        String authTime = userSession == null ? null : userSession.getNote(AuthenticationManager.AUTH_TIME);
        if (authTime == null) {
            return false;
        }
        try {
            long age = Time.currentTime() - Long.parseLong(authTime);
            return age >= 0 && age <= maxAgeSeconds;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
