package dev.ciamkit.otp.form;

import dev.ciamkit.common.bruteforce.FactorAttempts;
import dev.ciamkit.otp.store.DeviceStates;
import dev.ciamkit.otp.store.OtpDeviceStateEntity;
import dev.ciamkit.sms.code.SmsChallenge;
import dev.ciamkit.sms.code.SmsErrors;
import dev.ciamkit.sms.phone.PhoneCredentials;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * The mobile-OTP step's fallback to a code by SMS to the user's bound phone, when the user has no usable device (none,
 * or every one locked) or says the app is unavailable. It is the same step, not a way around it: the SMS code is
 * checked, counted and single-use as in {@code ciamkit-sms-otp}, and a user with neither a usable device nor a bound
 * phone still cannot pass. Admins turn it off in the step's config.
 */
final class SmsFallback {

    /** The form field of the "I can't use my app" button. */
    static final String FIELD = "ciamkitFallback";

    static final String PURPOSE = "otp-fallback";
    private static final String NOTE = "ciamkit.otp.fallback";
    private static final String TEMPLATE = "ciamkit-sms-otp.ftl";
    private static final String CODE_FIELD = "code";

    private final AuthenticationFlowContext context;
    private final MobileOtpConfig config;

    SmsFallback(AuthenticationFlowContext context, MobileOtpConfig config) {
        this.context = context;
        this.config = config;
    }

    /** Whether the fallback is on, a sender is chosen, the user has a bound phone and this is no password reset. */
    boolean available() {
        // Never in a password reset: the email link and a code to a SIM-swapped phone must not reset the password.
        return config.smsFallback()
                && !PasswordReset.isUnderway(context)
                && config.smsCodes().sender() != null
                && PhoneCredentials.stored(context.getUser()).isPresent();
    }

    /** Whether this login switched to the SMS code. */
    boolean active() {
        return "sms".equals(context.getAuthenticationSession().getAuthNote(NOTE)) && !PasswordReset.isUnderway(context);
    }

    /** The SMS page again (a reload), without sending another code. */
    void show() {
        context.challenge(page(null, null));
    }

    /** Switches this login to the SMS code and sends the first one. */
    void start() {
        context.getAuthenticationSession().setAuthNote(NOTE, "sms");
        send();
    }

    /** A submission of the SMS page: a resend, or a code. Runs after the caller's brute-force check. */
    void action(MultivaluedMap<String, String> form, Runnable onSuccess) {
        if (form.containsKey("resend")) {
            send();
            return;
        }
        UserModel user = context.getUser();
        SmsChallenge.Outcome outcome = challenge().verify(form.getFirst(CODE_FIELD));
        context.getEvent()
                .detail(MobileOtpFormAuthenticator.FACTOR, "sms")
                .detail(Details.CREDENTIAL_TYPE, PhoneCredentials.TYPE);
        if (outcome == SmsChallenge.Outcome.ACCEPTED) {
            context.getAuthenticationSession().removeAuthNote(NOTE);
            FactorAttempts.succeeded(context.getSession(), context.getRealm(), user);
            onSuccess.run();
            return;
        }
        context.getEvent().error(outcome.eventError());
        FactorAttempts.failed(context.getSession(), context.getRealm(), user);
        context.failureChallenge(
                AuthenticationFlowError.INVALID_CREDENTIALS,
                page(outcome.codeGone() ? "ciamkitSmsCodeExpired" : "ciamkitSmsCodeInvalid", null));
    }

    private void send() {
        UserModel user = context.getUser();
        if (FactorAttempts.locked(context.getSession(), context.getRealm(), user)) {
            // no text for a user no code can sign in now; the submission gets the lock's message
            show();
            return;
        }
        String number = PhoneCredentials.number(context.getSession(), user).orElse(null);
        SmsChallenge.Sending sending = challenge()
                .send(
                        user,
                        number,
                        "ciamkitSmsCodeText",
                        "[{0}] Your sign-in code is {1} (valid for {2} min). Never share it with anyone.");
        switch (sending.status()) {
            case SENT -> context.challenge(page(null, "ciamkitSmsCodeSentToPhone"));
            case RATE_LIMITED -> {
                context.getEvent()
                        .clone()
                        .user(user)
                        .detail(SmsErrors.LIMIT, sending.refusedBy())
                        .error(SmsErrors.RATE_LIMITED);
                context.challenge(page("ciamkitSmsRateLimited", null));
            }
            case NOT_SENT -> {
                context.getEvent()
                        .clone()
                        .user(user)
                        .detail(
                                SmsErrors.SMS_STATUS,
                                Integer.toString(sending.failure().gatewayStatus()))
                        .error(sending.failure().reason().eventError());
                context.challenge(page("ciamkitSmsNotSent", null));
            }
        }
    }

    private SmsChallenge challenge() {
        return new SmsChallenge(context.getSession(), context.getAuthenticationSession(), PURPOSE, config.smsCodes());
    }

    private Response page(String error, String info) {
        LoginFormsProvider form = context.form()
                .setExecution(context.getExecution().getId())
                .setAttribute("ciamkitSmsDigits", config.smsCodes().digits());
        if (error != null) {
            form.addError(new FormMessage(CODE_FIELD, error));
        } else if (info != null) {
            form.setInfo(info);
        }
        return form.createForm(TEMPLATE);
    }

    /** True when the user has devices and every one is locked now (no code of theirs can pass). */
    static boolean everyDeviceLocked(AuthenticationFlowContext context, List<CredentialModel> devices) {
        if (devices.isEmpty()) {
            return false;
        }
        DeviceStates states = new DeviceStates(context.getSession());
        long now = Time.currentTime();
        for (CredentialModel device : devices) {
            OtpDeviceStateEntity row = states.find(device.getId());
            if (row == null || row.getLockedUntil() <= now) {
                return false;
            }
        }
        return true;
    }
}
