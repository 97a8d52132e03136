package dev.ciamkit.otp.form;

import jakarta.ws.rs.core.Response;
import org.keycloak.forms.login.LoginFormsProvider;

/** The page a user sees who has lost every device: where to turn, and no way forward by themselves. */
public final class NoDevicePage {

    /** Message key, in ko/ja/en: contact the bank's support, who can reset the device registration. */
    public static final String MESSAGE = "ciamkitOtpNoDevice";

    private NoDevicePage() {}

    public static Response create(LoginFormsProvider form) {
        return form.setError(MESSAGE).createErrorPage(Response.Status.FORBIDDEN);
    }
}
