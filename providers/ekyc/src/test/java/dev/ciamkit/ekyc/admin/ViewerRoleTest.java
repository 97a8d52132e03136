package dev.ciamkit.ekyc.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;

class ViewerRoleTest {

    private final RealmModel realm = mock(RealmModel.class);
    private final RealmModel master = mock(RealmModel.class);
    private final RoleModel viewer = mock(RoleModel.class);
    private final UserModel admin = mock(UserModel.class);
    private final AdminAuth auth = mock(AdminAuth.class);

    @BeforeEach
    void realms() {
        given(realm.getId()).willReturn("realm-1");
        given(master.getId()).willReturn("master");
        given(auth.getUser()).willReturn(admin);
        given(auth.getRealm()).willReturn(realm);
    }

    @Test
    void a_user_of_the_realm_holding_the_role_with_it_in_the_token_may_read() {
        given(realm.getRole("ciamkit-ekyc-viewer")).willReturn(viewer);
        given(admin.hasRole(viewer)).willReturn(true);
        given(auth.getToken()).willReturn(token("ciamkit-ekyc-viewer"));

        assertThat(ViewerRole.holds(auth, realm)).isTrue();
    }

    @Test
    void a_token_without_the_role_may_not_even_if_the_user_holds_it() {
        given(realm.getRole("ciamkit-ekyc-viewer")).willReturn(viewer);
        given(admin.hasRole(viewer)).willReturn(true);
        given(auth.getToken()).willReturn(token("offline_access"));

        assertThat(ViewerRole.holds(auth, realm)).isFalse();
        given(auth.getToken()).willReturn(new org.keycloak.representations.AccessToken());
        assertThat(ViewerRole.holds(auth, realm)).isFalse();
    }

    private static org.keycloak.representations.AccessToken token(String realmRole) {
        org.keycloak.representations.AccessToken token = new org.keycloak.representations.AccessToken();
        token.setRealmAccess(new org.keycloak.representations.AccessToken.Access().addRole(realmRole));
        return token;
    }

    @Test
    void a_realm_admin_without_the_role_may_not() {
        given(realm.getRole("ciamkit-ekyc-viewer")).willReturn(viewer);
        given(admin.hasRole(viewer)).willReturn(false);

        assertThat(ViewerRole.holds(auth, realm)).isFalse();
    }

    @Test
    void nobody_may_when_the_realm_has_no_such_role() {
        assertThat(ViewerRole.holds(auth, realm)).isFalse();
    }

    @Test
    void an_admin_of_another_realm_may_not_even_with_a_role_of_that_name() {
        given(auth.getRealm()).willReturn(master);
        given(realm.getRole("ciamkit-ekyc-viewer")).willReturn(viewer);
        given(admin.hasRole(viewer)).willReturn(true);

        assertThat(ViewerRole.holds(auth, realm)).isFalse();
        assertThat(ViewerRole.holds(null, realm)).isFalse();
    }
}
