package dev.ciamkit.otp.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.ciamkit.otp.credential.DeviceVerification.Outcome;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;
import org.mockito.MockedConstruction;

/** Keycloak's plain validation path for our credential type counts refusals as the authenticators do. */
class MobileOtpCredentialProviderTest {

    private static final String DEVICE = "00000000-0000-4000-8000-000000000001";

    private final KeycloakSession session = mock(KeycloakSession.class);
    private final RealmModel realm = mock(RealmModel.class);
    private final UserModel user = mock(UserModel.class);
    private final BruteForceProtector protector = mock(BruteForceProtector.class);
    private final MobileOtpCredentialProvider provider = new MobileOtpCredentialProvider(session);

    @BeforeEach
    void protectedRealm() {
        given(session.getProvider(BruteForceProtector.class)).willReturn(protector);
        given(session.getContext()).willReturn(mock(KeycloakContext.class));
        given(realm.isBruteForceProtected()).willReturn(true);
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void only_an_accepted_code_is_valid_and_every_refused_one_is_counted(Outcome outcome) {
        try (MockedConstruction<DeviceVerification> ignored = mockConstruction(
                DeviceVerification.class,
                (mock, ctx) -> given(mock.verify(user, DEVICE, "123456")).willReturn(outcome))) {
            boolean valid = provider.isValid(
                    realm, user, new UserCredentialModel(DEVICE, MobileOtpCredentialModel.TYPE, "１２３ ４５６"));

            assertThat(valid).isEqualTo(outcome == Outcome.ACCEPTED);
            if (outcome == Outcome.ACCEPTED || outcome == Outcome.UNREADABLE) {
                verify(protector, never()).failedLogin(any(), any(), any(), any(), any());
            } else {
                verify(protector).failedLogin(eq(realm), eq(user), any(), any(), eq(Set.of("otp")));
            }
        }
    }

    @Test
    void a_device_whose_data_does_not_parse_is_still_listed_never_a_server_error() {
        CredentialModel stored = new CredentialModel();
        stored.setId("c1");
        stored.setType(MobileOtpCredentialModel.TYPE);
        stored.setUserLabel("Phone");
        stored.setCredentialData("{not json");

        MobileOtpCredentialModel listed = provider.getCredentialFromModel(stored);

        assertThat(listed.getId()).isEqualTo("c1");
        assertThat(listed.getUserLabel()).isEqualTo("Phone");
    }
}
