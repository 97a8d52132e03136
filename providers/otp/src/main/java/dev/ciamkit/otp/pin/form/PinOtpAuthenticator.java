package dev.ciamkit.otp.pin.form;

import dev.ciamkit.common.bruteforce.FactorAttempts;
import dev.ciamkit.otp.credential.DeviceVerification;
import dev.ciamkit.otp.credential.MobileOtpCredentialModel;
import dev.ciamkit.otp.engine.OtpVerifier;
import dev.ciamkit.otp.form.DevicePicker;
import dev.ciamkit.otp.form.OtpErrors;
import dev.ciamkit.otp.pin.PinCredentialModel;
import dev.ciamkit.otp.pin.PinErrors;
import dev.ciamkit.otp.pin.PinPolicy;
import dev.ciamkit.otp.pin.PinVerification;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * PIN and mobile OTP on one page, after a step that identified the user (a username form).
 *
 * <p>One submission is one attempt, and whatever was wrong the answer is the same message, one event error and one
 * count in Keycloak's brute-force protector. The code is checked first, for real, by the mobile-OTP device verification
 * (a right code is consumed, a wrong one counts against the device). The PIN is compared only beside a right code,
 * under its row lock; beside a wrong code the same Argon2 work is spent without comparing. So without the code nothing
 * (page, event, timing, lock) tells whether a PIN was right, only PINs typed beside a right code count toward the PIN's
 * lock, and a username alone can never lock it. Which half was wrong is only in the event error, for admins.
 *
 * <p>A user without a PIN or without a device gets the same form and the same answer as a wrong PIN (no page says
 * which users have set a PIN); the step never schedules a set-up and offers no other way.
 */
final class PinOtpAuthenticator extends AbstractUsernameFormAuthenticator {

    static final String TEMPLATE = "ciamkit-pin-otp.ftl";
    static final String FIELD_PIN = "pin";
    static final String FIELD_OTP = "otp";
    static final String FIELD_DEVICE = "deviceId";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(challenge(context, null, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String pin = PinPolicy.typed(form.getFirst(FIELD_PIN));
        String code = OtpVerifier.typedCode(form.getFirst(FIELD_OTP));
        String deviceId = device(user, MobileOtpCredentialModel.credentialIdOrNull(form.getFirst(FIELD_DEVICE)));
        context.getEvent()
                .user(user)
                .detail(Details.CREDENTIAL_TYPE, PinCredentialModel.TYPE)
                .detail(Details.SELECTED_CREDENTIAL_ID, deviceId);
        context.getAuthenticationSession().setAuthNote(FIELD_DEVICE, deviceId == null ? "" : deviceId);
        if (!enabledUser(context, user)) {
            return;
        }
        PinOtpConfig config = PinOtpConfig.of(context.getAuthenticatorConfig());
        PinVerification pins = new PinVerification(context.getSession(), config.pinMaxFailures());
        // The code first, for real (consumed when right, counted against the device when wrong); the PIN is compared
        // only beside a right code. Without the code nothing tells a right PIN, and a username alone can never lock
        // the PIN; a wrong code spends the same Argon2 time, so the answer's timing says nothing either.
        DeviceVerification.Outcome otpOutcome = deviceId == null
                ? DeviceVerification.Outcome.UNKNOWN_DEVICE
                : new DeviceVerification(
                                context.getSession(),
                                config.otp().verifierSettings(),
                                config.otp().lockPolicy())
                        .verify(user, deviceId, code);
        PinVerification.Outcome pinOutcome =
                otpOutcome == DeviceVerification.Outcome.ACCEPTED ? pins.check(user, pin) : pins.skip(user, pin);

        if (pinOutcome == PinVerification.Outcome.ACCEPTED && otpOutcome == DeviceVerification.Outcome.ACCEPTED) {
            pins.passed(user);
            FactorAttempts.succeeded(context.getSession(), context.getRealm(), user);
            context.success();
            return;
        }
        if (pinOutcome == PinVerification.Outcome.LOCKED || otpOutcome == DeviceVerification.Outcome.LOCKED) {
            // One message for a locked PIN and a locked device: which one locked would tell a PIN guess was right.
            fail(
                    context,
                    pinOutcome == PinVerification.Outcome.LOCKED ? PinErrors.LOCKED : OtpErrors.DEVICE_LOCKED,
                    "ciamkitPinOtpLocked");
            return;
        }
        if (pinOutcome == PinVerification.Outcome.UNREADABLE || otpOutcome == DeviceVerification.Outcome.UNREADABLE) {
            unreadable(context, pinOutcome, otpOutcome);
            return;
        }
        fail(context, errorCode(pin, code, deviceId, pinOutcome, otpOutcome), "ciamkitPinOtpInvalid");
    }

    /** The event error: which half failed, for admins only (the page says the same whatever it was). */
    private static String errorCode(
            String pin,
            String code,
            String deviceId,
            PinVerification.Outcome pinOutcome,
            DeviceVerification.Outcome otpOutcome) {
        if (pin == null || code == null) {
            return PinErrors.MISSING;
        }
        if (pinOutcome == PinVerification.Outcome.NOT_SET) {
            return PinErrors.NOT_SET;
        }
        if (deviceId == null) {
            return OtpErrors.NO_DEVICE;
        }
        if (otpOutcome != DeviceVerification.Outcome.ACCEPTED) {
            return otpOutcome == DeviceVerification.Outcome.REPLAYED
                    ? OtpErrors.REPLAYED
                    : Errors.INVALID_USER_CREDENTIALS;
        }
        return PinErrors.INVALID;
    }

    /**
     * A stored PIN or seed the server cannot open is our fault: the page says so whatever the other half was (so it
     * tells nothing about it), and only a wrong PIN that was really checked counts against the user.
     */
    private void unreadable(
            AuthenticationFlowContext context, PinVerification.Outcome pin, DeviceVerification.Outcome otp) {
        context.getEvent()
                .error(pin == PinVerification.Outcome.UNREADABLE ? PinErrors.UNREADABLE : OtpErrors.DEVICE_UNREADABLE);
        Response page = challenge(context, "ciamkitPinOtpUnreadable", FIELD_PIN);
        // only a PIN really compared counts: with an unreadable device nothing was, whether or not the user has a PIN
        if (pin == PinVerification.Outcome.INVALID) {
            FactorAttempts.failed(context.getSession(), context.getRealm(), context.getUser());
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page);
        } else {
            context.challenge(page);
        }
    }

    /** One failed submission: its event error, exactly one count in the brute-force protector, the form again. */
    private void fail(AuthenticationFlowContext context, String eventError, String message) {
        context.getEvent().error(eventError);
        FactorAttempts.failed(context.getSession(), context.getRealm(), context.getUser());
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, challenge(context, message, FIELD_PIN));
    }

    /** The device the user chose, or their only (first) one; null when the user has none or chose another's. */
    private static String device(UserModel user, String chosen) {
        List<CredentialModel> devices = MobileOtpCredentialModel.devices(user);
        if (chosen != null) {
            return devices.stream().anyMatch(d -> d.getId().equals(chosen)) ? chosen : null;
        }
        return devices.isEmpty() ? null : devices.get(0).getId();
    }

    @Override
    protected Response challenge(AuthenticationFlowContext context, String error, String field) {
        var form = context.form().setExecution(context.getExecution().getId());
        if (error != null) {
            form.addError(new FormMessage(FIELD_PIN, error));
        }
        return DevicePicker.of(
                        context.getUser(), context.getAuthenticationSession().getAuthNote(FIELD_DEVICE))
                .show(form)
                .createForm(TEMPLATE);
    }

    @Override
    protected String disabledByBruteForceError(String error) {
        return Errors.USER_TEMPORARILY_DISABLED.equals(error)
                ? "ciamkitOtpUserTemporarilyLocked"
                : "ciamkitOtpUserLocked";
    }

    @Override
    protected String disabledByBruteForceFieldError() {
        return FIELD_PIN;
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    /** Always: the step decides itself, so Keycloak never skips it or offers a set-up for a user without a PIN. */
    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

    @Override
    public void close() {}
}
