package dev.ciamkit.ekyc.step;

import org.keycloak.models.ImpersonationSessionNote;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Whether this login runs in a session an admin started by impersonating the user (Keycloak's impersonation notes on
 * the browser's SSO session). eKYC is refused there: an admin would otherwise verify with their own ID and face and
 * replace the user's verified identity.
 */
public final class Impersonation {

    private Impersonation() {}

    static boolean active(
            KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession, UserModel user) {
        UserSessionModel userSession = authSession == null
                ? null
                : session.sessions()
                        .getUserSession(realm, authSession.getParentSession().getId());
        if (userSession == null) {
            AuthenticationManager.AuthResult sso =
                    AuthenticationManager.authenticateIdentityCookie(session, realm, true);
            userSession = sso == null ? null : sso.getSession();
        }
        return marked(userSession, user);
    }

    static boolean marked(UserSessionModel userSession, UserModel user) {
        return userSession != null
                && user != null
                && userSession.getUser() != null
                && user.getId().equals(userSession.getUser().getId())
                && marked(userSession);
    }

    /** The session carries an admin's or a client's impersonation note. */
    public static boolean marked(UserSessionModel userSession) {
        return userSession.getNote(ImpersonationSessionNote.IMPERSONATOR_ID.toString()) != null
                || userSession.getNote(ImpersonationSessionNote.IMPERSONATOR_CLIENT.toString()) != null;
    }
}
