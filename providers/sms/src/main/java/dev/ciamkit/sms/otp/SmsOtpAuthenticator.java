package dev.ciamkit.sms.otp;

import dev.ciamkit.common.bruteforce.FactorAttempts;
import dev.ciamkit.sms.code.SmsChallenge;
import dev.ciamkit.sms.code.SmsCodeConfig;
import dev.ciamkit.sms.code.SmsErrors;
import dev.ciamkit.sms.phone.PhoneCredentials;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * A one-time code by SMS to the user's bound phone. The page never tells whether the user has one: without a binding
 * the same page appears, nothing is sent, and no code passes. Every wrong, expired or replayed code is one failure in
 * Keycloak's brute-force protector ({@link FactorAttempts}) and an event with an error code; a resend never resets the
 * count.
 */
final class SmsOtpAuthenticator implements Authenticator {

    static final String TEMPLATE = "ciamkit-sms-otp.ftl";
    static final String PURPOSE = "login";
    static final String CODE_FIELD = "code";
    /** Event detail naming the factor that passed. */
    static final String FACTOR = "ciamkit_factor";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        SmsChallenge challenge = challenge(context);
        if (challenge.pending()) {
            context.challenge(page(context, null, null));
            return;
        }
        send(context, challenge);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        SmsChallenge challenge = challenge(context);
        if (form.containsKey("resend")) {
            send(context, challenge);
            return;
        }
        UserModel user = context.getUser();
        if (FactorAttempts.locked(context.getSession(), context.getRealm(), user)) {
            // No code is checked while the user is locked; the page says what a wrong code says.
            context.getEvent().user(user).error(SmsErrors.USER_LOCKED);
            context.failureChallenge(
                    AuthenticationFlowError.USER_TEMPORARILY_DISABLED, page(context, "ciamkitSmsCodeInvalid", null));
            return;
        }
        SmsChallenge.Outcome outcome = challenge.verify(form.getFirst(CODE_FIELD));
        if (outcome == SmsChallenge.Outcome.ACCEPTED) {
            FactorAttempts.succeeded(context.getSession(), context.getRealm(), user);
            context.getEvent().detail(FACTOR, "sms");
            context.success();
            return;
        }
        FactorAttempts.failed(context.getSession(), context.getRealm(), user);
        context.getEvent().user(user).detail(FACTOR, "sms").error(outcome.eventError());
        context.failureChallenge(
                AuthenticationFlowError.INVALID_CREDENTIALS,
                page(context, outcome.codeGone() ? "ciamkitSmsCodeExpired" : "ciamkitSmsCodeInvalid", null));
    }

    private void send(AuthenticationFlowContext context, SmsChallenge challenge) {
        UserModel user = context.getUser();
        if (FactorAttempts.locked(context.getSession(), context.getRealm(), user)) {
            // no text for a user no code can sign in now; a submission gets the same answer as a wrong code
            context.challenge(page(context, null, "ciamkitSmsCodeSentToPhone"));
            return;
        }
        String number = PhoneCredentials.number(context.getSession(), user).orElse(null);
        SmsChallenge.Sending sending = challenge.send(
                user,
                number,
                "ciamkitSmsCodeText",
                "[{0}] Your sign-in code is {1} (valid for {2} min). Do not share it with anyone.");
        switch (sending.status()) {
            case SENT -> context.challenge(page(context, null, "ciamkitSmsCodeSentToPhone"));
            case RATE_LIMITED -> {
                context.getEvent()
                        .clone()
                        .user(user)
                        .detail(SmsErrors.LIMIT, sending.refusedBy())
                        .error(SmsErrors.RATE_LIMITED);
                context.challenge(page(context, "ciamkitSmsRateLimited", null));
            }
            case NOT_SENT -> {
                context.getEvent()
                        .clone()
                        .user(user)
                        .detail(
                                SmsErrors.SMS_STATUS,
                                Integer.toString(sending.failure().gatewayStatus()))
                        .error(sending.failure().reason().eventError());
                context.challenge(page(context, "ciamkitSmsNotSent", null));
            }
        }
    }

    private static SmsChallenge challenge(AuthenticationFlowContext context) {
        return new SmsChallenge(context.getSession(), context.getAuthenticationSession(), PURPOSE, config(context));
    }

    static SmsCodeConfig config(AuthenticationFlowContext context) {
        AuthenticatorConfigModel model = context.getAuthenticatorConfig();
        return new SmsCodeConfig(model == null ? null : model.getConfig());
    }

    private static Response page(AuthenticationFlowContext context, String error, String info) {
        LoginFormsProvider form =
                context.form().setAttribute("ciamkitSmsDigits", config(context).digits());
        if (error != null) {
            form.addError(new FormMessage(CODE_FIELD, error));
        } else if (info != null) {
            form.setInfo(info);
        }
        return form.createForm(TEMPLATE);
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
