package dev.ciamkit.otp.form;

import dev.ciamkit.otp.store.DeviceStates;
import dev.ciamkit.otp.store.OtpDeviceStateEntity;
import dev.ciamkit.sms.otp.SmsCodeStep;
import dev.ciamkit.sms.phone.PhoneCredentials;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;

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
        step().show();
    }

    /** Switches this login to the SMS code and sends the first one. */
    void start() {
        context.getAuthenticationSession().setAuthNote(NOTE, "sms");
        step().send();
    }

    /** A submission of the SMS page: a resend, or a code; a right code ends the fallback and runs {@code onSuccess}. */
    void action(MultivaluedMap<String, String> form, Runnable onSuccess) {
        step().submit(form, () -> {
            context.getAuthenticationSession().removeAuthNote(NOTE);
            onSuccess.run();
        });
    }

    private SmsCodeStep step() {
        return new SmsCodeStep(context, PURPOSE, config.smsCodes());
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
