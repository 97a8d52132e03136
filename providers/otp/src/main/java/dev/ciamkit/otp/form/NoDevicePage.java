package dev.ciamkit.otp.form;

import jakarta.ws.rs.core.Response;
import org.keycloak.forms.login.LoginFormsProvider;

/** The page a user without a device sees where the device is needed: where to turn, and no way forward alone. */
public final class NoDevicePage {

    /** Message key, in ko/ja/en: contact the bank's support, who can reset the device registration. */
    public static final String MESSAGE = "ciamkitOtpNoDevice";

    /**
     * Message key, in ko/ja/en: a password reset needs the sign-in device and the account has none (never had one, or
     * support has just reset it): sign in with the password to register one, or contact support.
     */
    public static final String RESET_MESSAGE = "ciamkitOtpResetNeedsDevice";

    private NoDevicePage() {}

    public static Response create(LoginFormsProvider form) {
        return form.setError(MESSAGE).createErrorPage(Response.Status.FORBIDDEN);
    }

    public static Response forPasswordReset(LoginFormsProvider form) {
        return form.setError(RESET_MESSAGE).createErrorPage(Response.Status.FORBIDDEN);
    }
}
