package dev.ciamkit.otp.directgrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.ciamkit.otp.credential.DeviceVerification;
import dev.ciamkit.otp.credential.DeviceVerification.Outcome;
import dev.ciamkit.otp.credential.MobileOtpCredentialModel;
import dev.ciamkit.otp.form.OtpErrors;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;
import org.keycloak.services.managers.BruteForceProtector;
import org.mockito.ArgumentCaptor;

class MobileOtpDirectGrantAuthenticatorTest {

    private final AuthenticationFlowContext context = mock(AuthenticationFlowContext.class);
    private final KeycloakSession session = mock(KeycloakSession.class);
    private final RealmModel realm = mock(RealmModel.class);
    private final UserModel user = mock(UserModel.class);
    private final SubjectCredentialManager credentials = mock(SubjectCredentialManager.class);
    private final BruteForceProtector protector = mock(BruteForceProtector.class);
    private final EventBuilder event = mock(EventBuilder.class, RETURNS_SELF);
    private final DeviceVerification verification = mock(DeviceVerification.class);
    private final MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
    private final MobileOtpDirectGrantAuthenticator authenticator =
            new MobileOtpDirectGrantAuthenticator((s, config) -> verification);

    @BeforeEach
    void request() {
        HttpRequest http = mock(HttpRequest.class);
        given(http.getDecodedFormParameters()).willReturn(params);
        given(context.getHttpRequest()).willReturn(http);
        given(context.getSession()).willReturn(session);
        given(context.getRealm()).willReturn(realm);
        given(context.getUser()).willReturn(user);
        given(context.getEvent()).willReturn(event);
        given(session.getProvider(BruteForceProtector.class)).willReturn(protector);
        given(session.getContext()).willReturn(mock(KeycloakContext.class));
        given(realm.isBruteForceProtected()).willReturn(true);
        given(user.credentialManager()).willReturn(credentials);
        devices("00000000-0000-4000-8000-000000000001");
    }

    @Nested
    class Refuses_and_counts {

        @Test
        void a_password_without_a_code() {
            authenticator.authenticate(context);

            assertRefusedAndCounted(Errors.INVALID_USER_CREDENTIALS);
            verifyNoInteractions(verification);
        }

        @Test
        void a_user_without_a_device_and_never_starts_an_enrolment() {
            devices();
            params.add("otp", "123456");

            authenticator.authenticate(context);

            assertRefusedAndCounted(Errors.INVALID_USER_CREDENTIALS);
            verifyNoInteractions(verification);
            verify(context, never()).getAuthenticationSession();
            verify(user, never()).addRequiredAction(anyString());
        }

        @Test
        void a_code_without_device_id_when_the_user_has_several_devices() {
            devices("00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002");
            params.add("otp", "123456");

            authenticator.authenticate(context);

            assertRefusedAndCounted(Errors.INVALID_USER_CREDENTIALS);
            verifyNoInteractions(verification);
        }

        @ParameterizedTest
        @EnumSource(
                value = Outcome.class,
                names = {"ACCEPTED", "UNREADABLE"},
                mode = EnumSource.Mode.EXCLUDE)
        void every_outcome_but_accepted_with_its_event_error(Outcome outcome) {
            params.add("otp", "123 456");
            given(verification.verify(user, "00000000-0000-4000-8000-000000000001", "123456"))
                    .willReturn(outcome);

            authenticator.authenticate(context);

            assertRefusedAndCounted(
                    Map.of(Outcome.REPLAYED, OtpErrors.REPLAYED, Outcome.LOCKED, OtpErrors.DEVICE_LOCKED)
                            .getOrDefault(outcome, Errors.INVALID_USER_CREDENTIALS));
        }
    }

    @Test
    void a_seed_the_server_cannot_open_is_refused_but_not_counted_against_the_user() {
        params.add("otp", "123456");
        given(verification.verify(user, "00000000-0000-4000-8000-000000000001", "123456"))
                .willReturn(Outcome.UNREADABLE);

        authenticator.authenticate(context);

        verify(context).failure(any(), any());
        verify(event).error(OtpErrors.DEVICE_UNREADABLE);
        verify(protector, never()).failedLogin(any(), any(), any(), any(), any());
    }

    @Test
    void a_right_code_for_the_only_device_passes_and_clears_second_factor_failures() {
        params.add("otp", "123456");
        given(verification.verify(user, "00000000-0000-4000-8000-000000000001", "123456"))
                .willReturn(Outcome.ACCEPTED);

        authenticator.authenticate(context);

        verify(context).success();
        verify(protector, never()).failedLogin(any(), any(), any(), any(), any());
        verify(protector).successfulLogin(eq(realm), eq(user), any(), any(), eq(Set.of("otp")));
    }

    @Test
    void the_named_device_is_the_one_checked() {
        devices("00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002");
        params.add("otp", "123456");
        params.add("device_id", "00000000-0000-4000-8000-000000000002");
        given(verification.verify(user, "00000000-0000-4000-8000-000000000002", "123456"))
                .willReturn(Outcome.ACCEPTED);

        authenticator.authenticate(context);

        verify(context).success();
    }

    @Test
    void a_locked_user_is_refused_before_the_code_is_looked_at() {
        params.add("otp", "123456");
        given(protector.isTemporarilyDisabled(session, realm, user)).willReturn(true);

        authenticator.authenticate(context);

        verify(event).error(Errors.USER_TEMPORARILY_DISABLED);
        verify(context).forceChallenge(any(Response.class));
        verify(context, never()).success();
        verifyNoInteractions(verification);
    }

    private void devices(String... ids) {
        given(credentials.getStoredCredentialsByTypeStream(MobileOtpCredentialModel.TYPE))
                .willAnswer(invocation -> Stream.of(ids).map(id -> {
                    CredentialModel device = new CredentialModel();
                    device.setId(id);
                    return device;
                }));
    }

    private void assertRefusedAndCounted(String eventError) {
        ArgumentCaptor<Response> response = ArgumentCaptor.forClass(Response.class);
        verify(context).failure(eq(AuthenticationFlowError.INVALID_CREDENTIALS), response.capture());
        verify(context, never()).success();
        verify(event).error(eventError);
        verify(protector).failedLogin(eq(realm), eq(user), any(), any(), eq(Set.of("otp")));
        assertThat(response.getValue().getStatus()).isEqualTo(401);
        assertThat(((OAuth2ErrorRepresentation) response.getValue().getEntity()).getError())
                .isEqualTo("invalid_grant");
    }
}
