package dev.ciamkit.otp.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.ciamkit.common.credential.RecentLogin;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;

class DeviceRemovalPolicyTest {

    private final KeycloakSession session = mock(KeycloakSession.class, RETURNS_DEEP_STUBS);
    private final RealmModel realm = mock(RealmModel.class);

    private UserModel userWith(int devices) {
        UserModel user = mock(UserModel.class, RETURNS_DEEP_STUBS);
        when(user.credentialManager().getStoredCredentialsByTypeStream(MobileOtpCredentialModel.TYPE))
                .thenAnswer(invocation -> Stream.generate(CredentialModel::new).limit(devices));
        return user;
    }

    private void request(String method, Long authTime) {
        when(session.getContext().getHttpRequest().getHttpMethod()).thenReturn(method);
        when(session.getContext().getRealm()).thenReturn(realm);
        AccessToken token = null;
        if (authTime != null) {
            token = new AccessToken();
            token.setAuth_time(authTime);
        }
        when(session.getContext().getBearerToken()).thenReturn(token);
    }

    private boolean removeable(int devices) {
        return removeable(devices, devices);
    }

    /** With the count a removal sees under the lock, e.g. one fewer after a parallel removal committed. */
    private boolean removeable(int devices, int underLock) {
        return new DeviceRemovalPolicy(session, user -> underLock).removeable(userWith(devices));
    }

    @Nested
    class on_a_read {
        @Test
        void shows_delete_when_the_user_has_two_devices() {
            request("GET", null);
            assertThat(removeable(2)).isTrue();
        }

        @Test
        void hides_delete_for_the_last_device() {
            request("GET", null);
            assertThat(removeable(1)).isFalse();
        }
    }

    @Nested
    class on_the_account_rest_delete {
        @Test
        void refuses_without_a_token() {
            request("DELETE", null);
            assertThat(removeable(2)).isFalse();
        }

        @Test
        void refuses_a_login_older_than_the_default_bound() {
            request("DELETE", (long) Time.currentTime() - RecentLogin.DEFAULT_MAX_AUTH_AGE_SECONDS - 5);
            assertThat(removeable(2)).isFalse();
        }

        @Test
        void allows_a_fresh_login() {
            request("DELETE", (long) Time.currentTime());
            assertThat(removeable(2)).isTrue();
        }

        @Test
        void refuses_the_last_device_even_with_a_fresh_login() {
            request("DELETE", (long) Time.currentTime());
            assertThat(removeable(1)).isFalse();
        }

        @Test
        void reads_the_bound_from_the_delete_credential_action() {
            RequiredActionConfigModel config = new RequiredActionConfigModel();
            config.setConfig(Map.of(RecentLogin.MAX_AUTH_AGE, "10"));
            when(realm.getRequiredActionConfigByAlias(RecentLogin.DELETE_ACTION))
                    .thenReturn(config);
            request("DELETE", (long) Time.currentTime() - 60);
            assertThat(removeable(2)).isFalse();
        }
    }

    @Test
    void the_delete_credential_action_relies_on_its_own_fresh_login_but_keeps_the_last_device() {
        request("POST", null);
        assertThat(removeable(2)).isTrue();
        assertThat(removeable(1)).isFalse();
    }

    @Test
    void a_removal_counts_again_under_the_lock_so_a_parallel_one_cannot_take_the_last_device() {
        // Both requests read two devices from the user cache; the second sees one once the first has committed.
        request("POST", null);
        assertThat(removeable(2, 1)).isFalse();
        request("DELETE", (long) Time.currentTime());
        assertThat(removeable(2, 1)).isFalse();
        request("GET", null);
        assertThat(removeable(2, 1))
                .as("a read takes no lock and keeps the button")
                .isTrue();
    }
}
