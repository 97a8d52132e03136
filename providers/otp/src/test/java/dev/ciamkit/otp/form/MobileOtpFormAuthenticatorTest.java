package dev.ciamkit.otp.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.ciamkit.otp.credential.DeviceVerification;
import dev.ciamkit.otp.credential.DeviceVerification.Outcome;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.common.ClientConnection;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakUriInfo;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.mockito.MockedConstruction;

/** Each outcome of a submitted code → event error, brute-force report, flow call. */
class MobileOtpFormAuthenticatorTest {

    private static final Set<String> SECOND_FACTOR = Set.of("otp");

    private final MobileOtpFormAuthenticator authenticator = new MobileOtpFormAuthenticator();
    private final AuthenticationFlowContext context = mock(AuthenticationFlowContext.class);
    private final KeycloakSession session = mock(KeycloakSession.class);
    private final RealmModel realm = mock(RealmModel.class);
    private final UserModel user = mock(UserModel.class);
    private final BruteForceProtector protector = mock(BruteForceProtector.class);
    private final EventBuilder event = mock(EventBuilder.class, RETURNS_SELF);
    private final LoginFormsProvider form = mock(LoginFormsProvider.class, RETURNS_SELF);
    private final ClientConnection connection = mock(ClientConnection.class);
    private final KeycloakUriInfo uri = mock(KeycloakUriInfo.class);
    private final MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();

    @BeforeEach
    void wire() {
        HttpRequest request = mock(HttpRequest.class);
        given(request.getDecodedFormParameters()).willReturn(params);
        KeycloakContext keycloakContext = mock(KeycloakContext.class);
        given(keycloakContext.getConnection()).willReturn(connection);
        given(keycloakContext.getUri()).willReturn(uri);
        given(session.getContext()).willReturn(keycloakContext);
        given(session.getProvider(BruteForceProtector.class)).willReturn(protector);
        given(realm.isBruteForceProtected()).willReturn(true);
        given(user.isEnabled()).willReturn(true);
        given(user.credentialManager()).willReturn(mock(SubjectCredentialManager.class));
        given(context.getHttpRequest()).willReturn(request);
        given(context.getSession()).willReturn(session);
        given(context.getRealm()).willReturn(realm);
        given(context.getUser()).willReturn(user);
        given(context.getProtector()).willReturn(protector);
        given(context.getEvent()).willReturn(event);
        given(context.getAuthenticationSession()).willReturn(mock(AuthenticationSessionModel.class));
        given(context.getExecution()).willReturn(mock(AuthenticationExecutionModel.class));
        given(context.form()).willReturn(form);
        params.putSingle(MobileOtpFormAuthenticator.FIELD_DEVICE, "00000000-0000-4000-8000-000000000001");
    }

    private MockedConstruction<DeviceVerification> verifying(Outcome outcome) {
        return mockConstruction(
                DeviceVerification.class,
                (mock, ctx) ->
                        given(mock.verify(any(), anyString(), anyString())).willReturn(outcome));
    }

    private void submit(String code) {
        params.putSingle(MobileOtpFormAuthenticator.FIELD_OTP, code);
        authenticator.action(context);
    }

    private void verifyCountedFailure(String eventError, String message) {
        verify(event).error(eventError);
        verify(form).addError(argThat(m -> m.getMessage().equals(message)));
        verify(protector, times(1)).failedLogin(realm, user, connection, uri, SECOND_FACTOR);
        verify(context).failureChallenge(any(AuthenticationFlowError.class), any());
        verify(context, never()).challenge(any());
        verify(context, never()).success();
    }

    @ParameterizedTest
    @CsvSource({
        "INVALID, invalid_user_credentials, ciamkitOtpInvalid",
        "UNKNOWN_DEVICE, invalid_user_credentials, ciamkitOtpInvalid",
        "REPLAYED, ciamkit_otp_replayed, ciamkitOtpReplayed",
        "LOCKED, ciamkit_otp_device_locked, ciamkitOtpDeviceLocked"
    })
    void every_refused_code_is_one_counted_failure_with_its_event_error(
            Outcome outcome, String eventError, String message) {
        try (MockedConstruction<DeviceVerification> ignored = verifying(outcome)) {
            submit("123456");
        }

        verifyCountedFailure(eventError, message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u3000"})
    void a_missing_code_is_a_counted_failure_and_never_reaches_the_device(String typed) {
        try (MockedConstruction<DeviceVerification> verifications = verifying(Outcome.ACCEPTED)) {
            submit(typed);

            assertThat(verifications.constructed()).isEmpty();
        }

        verifyCountedFailure(OtpErrors.MISSING_CODE, "ciamkitOtpMissing");
    }

    @Test
    void a_right_code_passes_and_clears_the_second_factor_failures() {
        try (MockedConstruction<DeviceVerification> ignored = verifying(Outcome.ACCEPTED)) {
            submit("123456");
        }

        verify(context).success();
        verify(protector).successfulLogin(realm, user, connection, uri, SECOND_FACTOR);
        verify(protector, never()).failedLogin(any(), any(), any(), any(), any());
        verify(context, never()).failureChallenge(any(), any());
    }

    @Test
    void full_width_digits_reach_the_device_as_ascii() {
        try (MockedConstruction<DeviceVerification> verifications = verifying(Outcome.ACCEPTED)) {
            submit("\uFF11\uFF12\uFF13\u3000\uFF14\uFF15\uFF16");

            verify(verifications.constructed().get(0)).verify(user, "00000000-0000-4000-8000-000000000001", "123456");
        }
        verify(context).success();
    }

    @Nested
    class When_the_protector_holds_the_user {

        @Test
        void temporarily_even_the_right_code_is_refused_on_our_page_and_not_counted_again() {
            given(protector.isTemporarilyDisabled(session, realm, user)).willReturn(true);

            try (MockedConstruction<DeviceVerification> verifications = verifying(Outcome.ACCEPTED)) {
                submit("123456");

                assertThat(verifications.constructed()).isEmpty();
            }

            verify(event).error("user_temporarily_disabled");
            verify(form).addError(argThat(m -> m.getMessage().equals("ciamkitOtpUserTemporarilyLocked")));
            verify(context).forceChallenge(any());
            verify(context, never()).success();
            verify(protector, never()).failedLogin(any(), any(), any(), any(), any());
        }

        @Test
        void permanently_the_page_says_so() {
            given(protector.isPermanentlyLockedOut(session, realm, user)).willReturn(true);

            try (MockedConstruction<DeviceVerification> ignored = verifying(Outcome.ACCEPTED)) {
                submit("123456");
            }

            verify(event).error("user_disabled");
            verify(form).addError(argThat(m -> m.getMessage().equals("ciamkitOtpUserLocked")));
            verify(context, never()).success();
        }
    }

    @Nested
    class Without_a_device {

        private final AuthenticationSessionModel authSession = mock(AuthenticationSessionModel.class);
        private final AuthenticationFlowModel browserFlow = flow("browser-flow-id");
        private final AuthenticationFlowModel resetFlow = flow("reset-flow-id");

        private final AuthenticationExecutionModel execution = mock(AuthenticationExecutionModel.class);
        private final RequiredActionProviderModel enrolment = new RequiredActionProviderModel();

        @BeforeEach
        void noDevice() {
            given(context.getExecution()).willReturn(execution);
            given(execution.isRequired()).willReturn(true);
            enrolment.setEnabled(true);
            given(realm.getRequiredActionProviderByAlias("ciamkit-mobile-otp-register"))
                    .willReturn(enrolment);
            given(context.getAuthenticationSession()).willReturn(authSession);
            given(authSession.getAuthNote("PASSWORD_VALIDATED")).willReturn("true");
            given(realm.getResetCredentialsFlow()).willReturn(resetFlow);
            given(user.credentialManager().getStoredCredentialsByTypeStream(anyString()))
                    .willAnswer(i -> Stream.empty());
        }

        private static AuthenticationFlowModel flow(String id) {
            AuthenticationFlowModel flow = new AuthenticationFlowModel();
            flow.setId(id);
            return flow;
        }

        @Test
        void the_step_always_counts_as_configured_so_keycloak_never_schedules_a_set_up_without_asking_it() {
            assertThat(authenticator.configuredFor(session, realm, user)).isTrue();
        }

        @ParameterizedTest
        @CsvSource({"reset-flow-id, ''", "reset-flow-id, authenticate", "browser-flow-id, reset-credentials"})
        void a_password_reset_is_refused_with_its_page_and_an_event_and_enrols_nothing(String running, String path) {
            given(context.getTopLevelFlow()).willReturn(flow(running));
            given(context.getFlowPath()).willReturn(path);

            authenticator.authenticate(context);

            verify(event).error(OtpErrors.NO_DEVICE);
            verify(form).setError(NoDevicePage.RESET_MESSAGE);
            verify(context).challenge(any());
            verify(context, never()).success();
            verify(authSession, never()).addRequiredAction(anyString());
            verify(user, never()).setSingleAttribute(anyString(), anyString());
        }

        @Test
        void a_first_login_passes_the_step_to_the_enrolment_required_action() {
            given(context.getTopLevelFlow()).willReturn(browserFlow);
            given(context.getFlowPath()).willReturn("authenticate");

            authenticator.authenticate(context);

            verify(authSession).addRequiredAction("ciamkit-mobile-otp-register");
            verify(context).success();
            verify(event, never()).error(anyString());
        }

        @Test
        void without_a_password_checked_in_this_flow_nobody_enrols_here() {
            given(authSession.getAuthNote("PASSWORD_VALIDATED")).willReturn(null);
            given(context.getTopLevelFlow()).willReturn(browserFlow);

            authenticator.authenticate(context);

            assertStoppedOnTheContactSupportPage();
        }

        @Test
        void beside_another_factor_the_step_is_only_attempted_never_passed() {
            given(execution.isRequired()).willReturn(false);
            given(context.getTopLevelFlow()).willReturn(browserFlow);

            authenticator.authenticate(context);

            verify(context).attempted();
            verify(context, never()).success();
            verify(authSession, never()).addRequiredAction(anyString());
        }

        @Test
        void without_the_enrolment_action_the_login_stops_instead_of_ending_on_the_password() {
            enrolment.setEnabled(false);
            given(context.getTopLevelFlow()).willReturn(browserFlow);

            authenticator.authenticate(context);

            assertStoppedOnTheContactSupportPage();
        }

        @Test
        void a_user_who_had_a_device_gets_the_contact_support_page_in_either_flow() {
            given(user.getFirstAttribute("ciamkit.otp.enrolled")).willReturn("true");
            given(context.getTopLevelFlow()).willReturn(browserFlow);

            authenticator.authenticate(context);

            assertStoppedOnTheContactSupportPage();
        }

        /** The contact-support page, no pass and no enrolment scheduled. */
        private void assertStoppedOnTheContactSupportPage() {
            verify(form).setError(NoDevicePage.MESSAGE);
            verify(context, never()).success();
            verify(authSession, never()).addRequiredAction(anyString());
        }
    }
}
