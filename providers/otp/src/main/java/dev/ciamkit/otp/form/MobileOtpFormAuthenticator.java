package dev.ciamkit.otp.form;

import dev.ciamkit.common.bruteforce.FactorAttempts;
import dev.ciamkit.otp.credential.DeviceHistory;
import dev.ciamkit.otp.credential.DeviceVerification;
import dev.ciamkit.otp.credential.MobileOtpCredentialModel;
import dev.ciamkit.otp.credential.MobileOtpCredentialProvider;
import dev.ciamkit.otp.engine.OtpType;
import dev.ciamkit.otp.engine.OtpVerifier;
import dev.ciamkit.sms.otp.SmsCodeStep;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.authentication.authenticators.browser.AbstractUsernameFormAuthenticator;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The mobile-OTP step: a device picker when the user has several, one code, Keycloak's brute-force protector for
 * every failure, and messages that say what happened without saying more than needed.
 */
final class MobileOtpFormAuthenticator extends AbstractUsernameFormAuthenticator {

    static final String TEMPLATE = "ciamkit-otp-form.ftl";
    static final String FIELD_OTP = "otp";
    static final String FIELD_NEXT = "otpNext";
    static final String FIELD_DEVICE = "deviceId";
    private static final String ENROLMENT = MobileOtpCredentialProvider.ENROLMENT_ACTION;
    /** Event detail naming the factor that passed: {@code mobile-otp} or {@code sms} (the fallback). */
    static final String FACTOR = SmsCodeStep.FACTOR;

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        SmsFallback fallback = new SmsFallback(context, MobileOtpConfig.of(context.getAuthenticatorConfig()));
        if (fallback.active()) {
            fallback.show();
            return;
        }
        if (!DeviceHistory.hasDevice(user)
                && context.getExecution().isRequired()
                && fallback.available()
                && (DeviceHistory.lostAllDevices(user) || PasswordReset.isUnderway(context))) {
            // No device to ask a code of: the bound phone gets one instead (after it, a user who lost every device
            // registers a new one).
            fallback.start();
            return;
        }
        if (DeviceHistory.lostAllDevices(user)) {
            // Enrolling here would hand the account to whoever knows the password: only an admin reset reopens it.
            context.getEvent().user(user).error(OtpErrors.NO_DEVICE);
            context.challenge(NoDevicePage.create(context.form()));
            return;
        }
        if (!DeviceHistory.hasDevice(user)) {
            if (PasswordReset.isUnderway(context)) {
                // The email link alone would set the password and then register whatever phone the mailbox's reader
                // holds.
                context.getEvent().user(user).error(OtpErrors.NO_DEVICE);
                context.challenge(NoDevicePage.forPasswordReset(context.form()));
                return;
            }
            if (!context.getExecution().isRequired()) {
                // Beside another factor (ALTERNATIVE) or in a condition, a step the user has not set up is not a
                // way in: Keycloak sets up only REQUIRED steps, and so do we.
                context.attempted();
                return;
            }
            if (!enrolmentEnabled(context.getRealm())
                    || !AuthenticatorUtil.isPasswordValidated(context.getAuthenticationSession())) {
                // Without the enrolment action the login would complete on the password alone; without a password
                // checked in this flow (a username-only form, a cookie, a broker) whoever got here would enrol.
                context.getEvent().user(user).error(OtpErrors.NO_DEVICE);
                context.challenge(NoDevicePage.create(context.form()));
                return;
            }
            // First login (or the one after a support reset): the password was checked in this flow; the enrolment
            // required action registers the phone before the login completes (what Keycloak's set-up would do).
            scheduleEnrolment(context.getAuthenticationSession());
            context.success();
            return;
        }
        if (!DeviceHistory.hadDevice(user)) {
            // Devices enrolled before the marker existed.
            DeviceHistory.recordEnrolled(user);
        }
        if (fallback.available() && SmsFallback.everyDeviceLocked(context, MobileOtpCredentialModel.devices(user))) {
            fallback.start();
            return;
        }
        context.challenge(challenge(context, null, null));
    }

    private static boolean enrolmentEnabled(RealmModel realm) {
        RequiredActionProviderModel action = realm.getRequiredActionProviderByAlias(ENROLMENT);
        return action != null && action.isEnabled();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String deviceId = MobileOtpCredentialModel.credentialIdOrNull(form.getFirst(FIELD_DEVICE));
        String code = OtpVerifier.typedCode(form.getFirst(FIELD_OTP));
        String next = OtpVerifier.typedCode(form.getFirst(FIELD_NEXT));
        context.getEvent()
                .user(user)
                .detail(Details.CREDENTIAL_TYPE, MobileOtpCredentialModel.TYPE)
                .detail(Details.SELECTED_CREDENTIAL_ID, deviceId);
        context.getAuthenticationSession().setAuthNote(FIELD_DEVICE, deviceId == null ? "" : deviceId);

        if (!enabledUser(context, user)) {
            return;
        }
        SmsFallback fallback = new SmsFallback(context, MobileOtpConfig.of(context.getAuthenticatorConfig()));
        if (fallback.active()) {
            fallback.action(form, () -> succeedBySms(context, user));
            return;
        }
        if (form.containsKey(SmsFallback.FIELD)) {
            // only where authenticate() would offer it: a user with devices, or one who lost them all at a REQUIRED
            // step (a forged post on the no-device page starts nothing)
            boolean offered = DeviceHistory.hasDevice(user)
                    || (DeviceHistory.lostAllDevices(user)
                            && context.getExecution().isRequired());
            if (offered && fallback.available()) {
                fallback.start();
            } else {
                context.challenge(challenge(context, null, null));
            }
            return;
        }
        if (code == null) {
            fail(context, OtpErrors.MISSING_CODE, "ciamkitOtpMissing");
            return;
        }
        MobileOtpConfig config = MobileOtpConfig.of(context.getAuthenticatorConfig());
        DeviceVerification verification =
                new DeviceVerification(context.getSession(), config.verifierSettings(), config.lockPolicy());
        DeviceVerification.Outcome outcome = next == null
                ? verification.verify(user, deviceId, code)
                : verification.resync(user, deviceId, code, next);
        // A malformed code reaches the engine and comes back INVALID: the same answer, event and count as a wrong one.
        switch (outcome) {
            case ACCEPTED -> succeed(context, user);
            case REPLAYED -> fail(context, OtpErrors.REPLAYED, "ciamkitOtpReplayed");
            case LOCKED -> fail(context, OtpErrors.DEVICE_LOCKED, "ciamkitOtpDeviceLocked");
            case INVALID, UNKNOWN_DEVICE -> fail(context, Errors.INVALID_USER_CREDENTIALS, "ciamkitOtpInvalid");
            case UNREADABLE -> unreadable(context);
        }
    }

    /**
     * Keycloak clears a user's second-factor failures when a login ends with its own OTP among the credentials used;
     * ours is not "otp" there, so the protector hears of the passed factor from us.
     */
    private static void succeed(AuthenticationFlowContext context, UserModel user) {
        FactorAttempts.succeeded(context.getSession(), context.getRealm(), user);
        context.getEvent().detail(FACTOR, "mobile-otp");
        context.success();
    }

    /**
     * The SMS fallback passed (it reported to the protector itself). A user who lost every device registers a new one
     * in this login (and only in it: the "had a device" marker stays until a device is stored, so leaving the
     * enrolment page never turns the account back into a first login).
     */
    private static void succeedBySms(AuthenticationFlowContext context, UserModel user) {
        if (!DeviceHistory.hasDevice(user)
                && !PasswordReset.isUnderway(context)
                && AuthenticatorUtil.isPasswordValidated(context.getAuthenticationSession())
                && enrolmentEnabled(context.getRealm())) {
            context.getAuthenticationSession().setAuthNote(DeviceHistory.REENROL_AFTER_SMS, "true");
            scheduleEnrolment(context.getAuthenticationSession());
        }
        context.success();
    }

    /**
     * A seed the server cannot open is our fault, not a guess: no code was checked, so nothing is counted against the
     * user (a plain challenge, not a failure) and no answer here tells a wrong code from a right one.
     */
    private void unreadable(AuthenticationFlowContext context) {
        context.getEvent().error(OtpErrors.DEVICE_UNREADABLE);
        context.challenge(challenge(context, "ciamkitOtpDeviceUnreadable", FIELD_OTP));
    }

    /**
     * One failed attempt: an event with its error, one count in Keycloak's brute-force protector (its own call for
     * this step passes our category, which it ignores), and the form again as a flow failure, not a plain challenge.
     */
    private void fail(AuthenticationFlowContext context, String eventError, String message) {
        context.getEvent().error(eventError);
        FactorAttempts.failed(context.getSession(), context.getRealm(), context.getUser());
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, challenge(context, message, FIELD_OTP));
    }

    @Override
    protected Response challenge(AuthenticationFlowContext context, String error, String field) {
        LoginFormsProvider form =
                context.form().setExecution(context.getExecution().getId());
        if (error != null) {
            form.addError(new FormMessage(FIELD_OTP, error));
        }
        DevicePicker picker = DevicePicker.of(
                context.getUser(), context.getAuthenticationSession().getAuthNote(FIELD_DEVICE));
        boolean hotp = picker.devices().stream()
                .filter(d -> d.getId().equals(picker.chosen()))
                .flatMap(d -> MobileOtpCredentialModel.read(d).stream())
                .anyMatch(d -> d.data().type() == OtpType.HOTP);
        return picker.show(form)
                .setAttribute("ciamkitHotp", hotp)
                .setAttribute(
                        "ciamkitSmsFallback",
                        new SmsFallback(context, MobileOtpConfig.of(context.getAuthenticatorConfig())).available())
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
        return FIELD_OTP;
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    /**
     * Always: the step itself decides in {@link #authenticate} between the code form, the enrolment and a refusal.
     * Answering from the user's devices would let Keycloak skip the step and schedule the enrolment whenever the user
     * has none, without asking us, also in a password reset opened from the email link alone (Keycloak reads
     * "set-up allowed" from the factory, not from the flow's execution, and whether a reset is underway is not known
     * reliably here).
     */
    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        scheduleEnrolment(session.getContext().getAuthenticationSession());
    }

    private static void scheduleEnrolment(AuthenticationSessionModel authSession) {
        if (!authSession.getRequiredActions().contains(ENROLMENT)) {
            authSession.addRequiredAction(ENROLMENT);
        }
    }

    @Override
    public void close() {}
}
