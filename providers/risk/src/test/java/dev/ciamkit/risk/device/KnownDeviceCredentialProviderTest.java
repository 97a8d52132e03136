package dev.ciamkit.risk.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialInputValidator;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.representations.AccessToken;

/** Listed and removable in the account console, never a factor, never created by hand. */
class KnownDeviceCredentialProviderTest {

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final KeycloakContext context = mock(KeycloakContext.class);
    private final HttpRequest request = mock(HttpRequest.class);
    private final KnownDeviceCredentialProvider provider = new KnownDeviceCredentialProviderFactory().create(session);

    @BeforeEach
    void request() {
        given(session.getContext()).willReturn(context);
        given(context.getHttpRequest()).willReturn(request);
        // Keycloak offers removal only while the realm has the delete_credential action enabled (stock default).
        RequiredActionProviderModel delete = new RequiredActionProviderModel();
        delete.setAlias("delete_credential");
        delete.setProviderId("delete_credential");
        delete.setEnabled(true);
        RealmModel realm = mock(RealmModel.class);
        given(realm.getRequiredActionProvidersStream()).willAnswer(i -> Stream.of(delete));
        given(context.getRealm()).willReturn(realm);
    }

    @Test
    void is_listed_as_removable_without_any_set_up_action() {
        given(request.getHttpMethod()).willReturn("GET");

        CredentialTypeMetadata metadata = provider.getCredentialTypeMetadata(null);

        assertThat(metadata.getType()).isEqualTo("ciamkit-known-device");
        assertThat(metadata.getCategory()).isEqualTo(CredentialTypeMetadata.Category.BASIC_AUTHENTICATION);
        assertThat(metadata.getDisplayName()).isEqualTo("ciamkitKnownDeviceDisplayName");
        assertThat(metadata.getHelpText()).isEqualTo("ciamkitKnownDeviceHelpText");
        assertThat(metadata.getCreateAction()).isNull();
        assertThat(metadata.getUpdateAction()).isNull();
        assertThat(metadata.isRemoveable()).isTrue();
    }

    @Test
    void cannot_be_validated_so_it_is_never_a_configured_factor() {
        assertThat(provider).isNotInstanceOf(CredentialInputValidator.class);
    }

    @Test
    void the_rest_delete_needs_a_recent_login() {
        given(request.getHttpMethod()).willReturn("DELETE");
        AccessToken old = new AccessToken();
        old.setAuth_time(1L);
        given(context.getBearerToken()).willReturn(old);

        assertThat(provider.getCredentialTypeMetadata(null).isRemoveable()).isFalse();
    }
}
