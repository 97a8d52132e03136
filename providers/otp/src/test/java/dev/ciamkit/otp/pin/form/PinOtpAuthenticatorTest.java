package dev.ciamkit.otp.pin.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockConstruction;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.ciamkit.otp.credential.DeviceVerification;
import dev.ciamkit.otp.credential.MobileOtpCredentialModel;
import dev.ciamkit.otp.pin.PinVerification;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.common.ClientConnection;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.EventBuilder;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakUriInfo;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.mockito.MockedConstruction;

/** Each pair of PIN and code outcomes → one message, one event error, one brute-force count, and which check ran. */
class PinOtpAuthenticatorTest {

    private static final Set<String> SECOND_FACTOR = Set.of("otp");
    private static final String DEVICE = "00000000-0000-4000-8000-000000000001";

    private final PinOtpAuthenticator authenticator = new PinOtpAuthenticator();
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
        SubjectCredentialManager credentials = mock(SubjectCredentialManager.class);
        CredentialModel device = new CredentialModel();
        device.setId(DEVICE);
        device.setType(MobileOtpCredentialModel.TYPE);
        given(credentials.getStoredCredentialsByTypeStream(MobileOtpCredentialModel.TYPE))
                .willAnswer(i -> Stream.of(device));
        given(user.credentialManager()).willReturn(credentials);
        given(context.getHttpRequest()).willReturn(request);
        given(context.getSession()).willReturn(session);
        given(context.getRealm()).willReturn(realm);
        given(context.getUser()).willReturn(user);
        given(context.getProtector()).willReturn(protector);
        given(context.getEvent()).willReturn(event);
        given(context.getAuthenticationSession()).willReturn(mock(AuthenticationSessionModel.class));
        given(context.getExecution()).willReturn(mock(AuthenticationExecutionModel.class));
        given(context.form()).willReturn(form);
        params.putSingle(PinOtpAuthenticator.FIELD_PIN, "283915");
        params.putSingle(PinOtpAuthenticator.FIELD_OTP, "123456");
    }

    /** The PIN and device verifications one submission made. */
    private record Made(PinVerification pins, DeviceVerification device) {}

    /**
     * Runs one submission with the given outcomes: {@code pin} is what the PIN side answers (a comparison beside a
     * right code, the uncompared spend otherwise); returns the verifications that were made.
     */
    private Made submit(PinVerification.Outcome pin, DeviceVerification.Outcome code) {
        try (MockedConstruction<PinVerification> pins = mockConstruction(PinVerification.class, (mock, ctx) -> {
                    given(mock.check(any(), any())).willReturn(pin);
                    given(mock.skip(any(), any())).willReturn(pin);
                });
                MockedConstruction<DeviceVerification> devices =
                        mockConstruction(DeviceVerification.class, (mock, ctx) -> {
                            given(mock.verify(any(), anyString(), any())).willReturn(code);
                        })) {
            authenticator.action(context);
            assertThat(pins.constructed()).hasSize(1);
            assertThat(devices.constructed()).hasSize(1);
            return new Made(pins.constructed().get(0), devices.constructed().get(0));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "INVALID, ACCEPTED, ciamkit_pin_invalid, ciamkitPinOtpInvalid",
        "UNCHECKED, INVALID, invalid_user_credentials, ciamkitPinOtpInvalid",
        "NOT_SET, ACCEPTED, ciamkit_pin_not_set, ciamkitPinOtpInvalid",
        "NOT_SET, INVALID, ciamkit_pin_not_set, ciamkitPinOtpInvalid",
        "UNCHECKED, UNKNOWN_DEVICE, invalid_user_credentials, ciamkitPinOtpInvalid",
        "UNCHECKED, REPLAYED, ciamkit_otp_replayed, ciamkitPinOtpInvalid",
        "LOCKED, ACCEPTED, ciamkit_pin_locked, ciamkitPinOtpLocked",
        "LOCKED, INVALID, ciamkit_pin_locked, ciamkitPinOtpLocked",
        "UNCHECKED, LOCKED, ciamkit_otp_device_locked, ciamkitPinOtpLocked"
    })
    void every_refused_submission_is_one_counted_failure_with_the_shared_message(
            PinVerification.Outcome pin, DeviceVerification.Outcome code, String eventError, String message) {
        submit(pin, code);

        verify(event).error(eventError);
        verify(form).addError(argThat(m -> m.getMessage().equals(message)));
        verify(protector, times(1)).failedLogin(realm, user, connection, uri, SECOND_FACTOR);
        verify(context).failureChallenge(eq(AuthenticationFlowError.INVALID_CREDENTIALS), any());
        verify(context, never()).success();
    }

    @Test
    void beside_a_wrong_code_the_pin_is_never_compared_only_the_same_work_is_spent() {
        Made made = submit(PinVerification.Outcome.UNCHECKED, DeviceVerification.Outcome.INVALID);

        verify(made.device()).verify(user, DEVICE, "123456");
        verify(made.pins()).skip(eq(user), any());
        verify(made.pins(), never()).check(any(), any());
    }

    @Test
    void the_code_is_verified_for_real_first_and_then_the_pin_is_compared() {
        Made made = submit(PinVerification.Outcome.INVALID, DeviceVerification.Outcome.ACCEPTED);

        verify(made.device()).verify(user, DEVICE, "123456");
        verify(made.pins()).check(eq(user), any());
        verify(made.pins(), never()).skip(any(), any());
    }

    @Test
    void a_missing_pin_still_runs_both_checks_and_counts_once() {
        params.remove(PinOtpAuthenticator.FIELD_PIN);
        Made made = submit(PinVerification.Outcome.INVALID, DeviceVerification.Outcome.ACCEPTED);

        verify(made.device()).verify(eq(user), eq(DEVICE), eq("123456"));
        verify(made.pins()).check(eq(user), any());
        verify(event).error("ciamkit_pin_missing");
        verify(protector, times(1)).failedLogin(realm, user, connection, uri, SECOND_FACTOR);
    }

    @Test
    void pin_and_code_right_pass_clear_the_failures_and_count_nothing() {
        submit(PinVerification.Outcome.ACCEPTED, DeviceVerification.Outcome.ACCEPTED);

        verify(context).success();
        verify(protector).successfulLogin(realm, user, connection, uri, SECOND_FACTOR);
        verify(protector, never()).failedLogin(any(), any(), any(), any(), any());
        verify(event, never()).error(anyString());
    }

    @Test
    void a_device_the_user_does_not_have_is_never_checked_and_fails_like_a_wrong_code() {
        params.putSingle(PinOtpAuthenticator.FIELD_DEVICE, "00000000-0000-4000-8000-00000000beef");
        try (MockedConstruction<PinVerification> ignored = mockConstruction(
                        PinVerification.class,
                        (mock, ctx) -> given(mock.skip(any(), any())).willReturn(PinVerification.Outcome.UNCHECKED));
                MockedConstruction<DeviceVerification> devices = mockConstruction(DeviceVerification.class)) {
            authenticator.action(context);
            assertThat(devices.constructed()).isEmpty();
        }
        verify(event).error("ciamkit_otp_no_device");
        verify(protector, times(1)).failedLogin(realm, user, connection, uri, SECOND_FACTOR);
        verify(context, never()).success();
    }

    @Test
    void a_user_the_protector_holds_locked_is_refused_before_any_check() {
        given(protector.isTemporarilyDisabled(session, realm, user)).willReturn(true);
        given(realm.isPermanentLockout()).willReturn(false);
        try (MockedConstruction<PinVerification> pins = mockConstruction(PinVerification.class)) {
            authenticator.action(context);
            assertThat(pins.constructed()).isEmpty();
        }
        verify(context, never()).success();
        verify(form).addError(argThat(m -> m.getMessage().equals("ciamkitOtpUserTemporarilyLocked")));
    }
}
