package dev.ciamkit.common.credential;

import dev.ciamkit.common.config.BoundedInt;
import java.util.Optional;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.representations.AccessToken;

/**
 * Whether a credential removal on the account REST path comes from a recent login. Keycloak's deprecated
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
}
