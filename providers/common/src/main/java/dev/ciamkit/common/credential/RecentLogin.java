package dev.ciamkit.common.credential;

import dev.ciamkit.common.config.BoundedInt;
import java.util.Optional;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Whether a change of a factor comes from a recent login: a credential removal on the account REST path, or a required
 * action that sets or changes a factor. For the removal: Keycloak's deprecated
 * {@code DELETE /account/credentials/{id}} checks neither the login's age nor a factor (the {@code delete_credential}
 * required action's own {@code max_auth_age} does for the browser path), so our credential types (devices, phone,
 * PIN) ask for a token whose {@code auth_time} is within that same {@code max_auth_age}.
 */
public final class RecentLogin {

    public static final String DELETE_ACTION = "delete_credential";
    public static final String MAX_AUTH_AGE = "max_auth_age";
    /** Used when the realm sets no {@code max_auth_age} on delete_credential, as Keycloak's own default. */
    public static final int DEFAULT_MAX_AUTH_AGE_SECONDS = 300;

    private RecentLogin() {}

    /** True for the bearer token of this request when its login is at most the realm's delete max_auth_age old. */
    public static boolean bearerTokenIsRecent(KeycloakSession session) {
        if (!(session.getContext().getBearerToken() instanceof AccessToken token) || token.getAuth_time() == null) {
            return false;
        }
        long age = Time.currentTime() - token.getAuth_time();
        return age >= 0 && age <= maxAuthAgeSeconds(session.getContext().getRealm());
    }

    public static int maxAuthAgeSeconds(RealmModel realm) {
        return Optional.ofNullable(realm)
                .map(r -> r.getRequiredActionConfigByAlias(DELETE_ACTION))
                .map(RequiredActionConfigModel::getConfig)
                .map(config ->
                        BoundedInt.read(config, MAX_AUTH_AGE, DEFAULT_MAX_AUTH_AGE_SECONDS, 0, Integer.MAX_VALUE))
                .orElse(DEFAULT_MAX_AUTH_AGE_SECONDS);
    }

    /** Whether this request only reads (Keycloak asks {@code isRemoveable} when listing credentials too). */
    public static boolean isRead(KeycloakSession session) {
        var request = session.getContext().getHttpRequest();
        String method = request == null ? null : request.getHttpMethod();
        return "GET".equals(method) || "HEAD".equals(method);
    }

    /** Whether this request is the account REST {@code DELETE}. */
    public static boolean isRestDelete(KeycloakSession session) {
        var request = session.getContext().getHttpRequest();
        return request != null && "DELETE".equals(request.getHttpMethod());
    }

    /**
     * Whether a required action runs from an email link or another action token (Keycloak ends the flow after the
     * actions): the mailbox alone must never set or change a factor.
     */
    public static boolean fromEmailLink(RequiredActionContext context) {
        return "true"
                .equals(context.getAuthenticationSession()
                        .getAuthNote(AuthenticationManager.END_AFTER_REQUIRED_ACTIONS));
    }

    /**
     * Whether the user proved their factors within {@code maxAgeSeconds} of this required action. A login that ran its
     * flow in this authentication session is fresh; one that came through the SSO cookie is as old as the user
     * session's {@code AUTH_TIME} (what Keycloak's re-authentication of application-initiated actions reads too).
     * Keycloak re-authenticates an account-console request older than the action's {@code max_auth_age} by itself;
     * this also covers an action set on the user and met through an SSO cookie.
     */
    public static boolean requiredActionWithin(RequiredActionContext context, int maxAgeSeconds) {
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
