package dev.ciamkit.sms.otp;

import dev.ciamkit.sms.code.SmsCodeConfig;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A one-time code by SMS to the user's bound phone. The page never tells whether the user has one: without a binding
 * the same page appears, nothing is sent, and no code passes. Every wrong, expired or replayed code is one failure in
 * Keycloak's brute-force protector and an event with an error code ({@link SmsCodeStep}); a resend never resets the
 * count.
 */
final class SmsOtpAuthenticator implements Authenticator {

    static final String PURPOSE = "login";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        SmsCodeStep step = step(context);
        if (step.pending()) {
            step.show();
        } else {
            step.send();
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        step(context).submit(context.getHttpRequest().getDecodedFormParameters(), context::success);
    }

    private static SmsCodeStep step(AuthenticationFlowContext context) {
        AuthenticatorConfigModel model = context.getAuthenticatorConfig();
        return new SmsCodeStep(context, PURPOSE, new SmsCodeConfig(model == null ? null : model.getConfig()));
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    /**
     * Always: a user without a bound phone sees the same page (and nothing passes), so neither the flow nor "try
     * another way" tells whether a number exists, and no phone is ever bound after a password alone.
     */
    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

    @Override
    public void close() {}
}
