package dev.ciamkit.ekyc.admin;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * Who may read eKYC records: a user of the realm itself holding its realm role {@value #NAME} (directly, through a
 * composite or a group), with the role in the token. Keycloak's admin roles do not grant it: a realm admin without the role, and any admin of the
 * master realm, are refused. The realm's configuration creates the role; nothing here creates it.
 */
public final class ViewerRole {

    public static final String NAME = "ciamkit-ekyc-viewer";

    private ViewerRole() {}

    public static boolean holds(AdminAuth auth, RealmModel realm) {
        if (auth == null || auth.getRealm() == null || auth.getUser() == null) {
            return false;
        }
        if (!realm.getId().equals(auth.getRealm().getId())) {
            return false;
        }
        RoleModel role = realm.getRole(NAME);
        UserModel user = auth.getUser();
        // the token must carry the role too: a token the user got for some other client of the realm (one without
        // this role in its scope) does not read PII
        AccessToken.Access access =
                auth.getToken() == null ? null : auth.getToken().getRealmAccess();
        return role != null && user.hasRole(role) && access != null && access.isUserInRole(NAME);
    }
}
