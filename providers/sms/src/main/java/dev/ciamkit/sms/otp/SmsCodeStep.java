package dev.ciamkit.sms.otp;

import dev.ciamkit.common.bruteforce.FactorAttempts;
import dev.ciamkit.common.metrics.FactorMetrics;
import dev.ciamkit.sms.code.SmsChallenge;
import dev.ciamkit.sms.code.SmsCodeConfig;
import dev.ciamkit.sms.code.SmsErrors;
import dev.ciamkit.sms.phone.PhoneCredentials;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Details;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * One login step that asks for a code by SMS to the user's bound phone, as the SMS OTP authenticator and the mobile-OTP
 * step's fallback both do: the page ({@value #TEMPLATE}), sending (with its caps and the gateway's answer told on the
 * page and in the event), and a submission. Every wrong, expired or replayed code is one failure in Keycloak's
 * brute-force protector and an event error; no code is sent to, or checked for, a user the protector holds locked. A
 * user without a bound phone gets the same page and nothing is sent.
 */
public final class SmsCodeStep {

    public static final String TEMPLATE = "ciamkit-sms-otp.ftl";
    public static final String CODE_FIELD = "code";
    public static final String RESEND_FIELD = "resend";
    /** Event detail naming the factor that passed or failed ({@code sms} here). */
    public static final String FACTOR = "ciamkit_factor";

    private final AuthenticationFlowContext context;
    private final SmsCodeConfig config;
    private final SmsChallenge challenge;

    /** @param purpose keeps this step's code apart from other SMS codes of the same login */
    public SmsCodeStep(AuthenticationFlowContext context, String purpose, SmsCodeConfig config) {
        this.context = context;
        this.config = config;
        this.challenge = new SmsChallenge(context.getSession(), context.getAuthenticationSession(), purpose, config);
    }

    /** Whether a code of this step was sent in this login and is still pending. */
    public boolean pending() {
        return challenge.pending();
    }

    /** The page again (a reload), without sending another code. */
    public void show() {
        context.challenge(page(null, null));
    }

    /** Sends a new code, within the caps, and shows the page saying what happened. */
    public void send() {
        UserModel user = context.getUser();
        if (FactorAttempts.locked(context.getSession(), context.getRealm(), user)) {
            // no text for a user no code can sign in now; a submission gets the same answer as a wrong code
            context.challenge(page(null, "ciamkitSmsCodeSentToPhone"));
            return;
        }
        String number = PhoneCredentials.number(context.getSession(), user).orElse(null);
        SmsChallenge.Sending sending = challenge.send(
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

    /**
     * One submission of the page: a resend, or a code. A right code reports the passed factor to the protector and
     * runs {@code onSuccess}; anything else is one counted failure.
     */
    public void submit(MultivaluedMap<String, String> form, Runnable onSuccess) {
        if (form.containsKey(RESEND_FIELD)) {
            send();
            return;
        }
        UserModel user = context.getUser();
        context.getEvent().user(user).detail(FACTOR, "sms").detail(Details.CREDENTIAL_TYPE, PhoneCredentials.TYPE);
        long start = FactorMetrics.start();
        if (FactorAttempts.locked(context.getSession(), context.getRealm(), user)) {
            // No code is checked while the user is locked; the page says what a wrong code says.
            FactorMetrics.global()
                    .record(FactorMetrics.Factor.SMS_OTP, FactorMetrics.Outcome.LOCKED, context.getSession(), start);
            context.getEvent().error(SmsErrors.USER_LOCKED);
            context.failureChallenge(
                    AuthenticationFlowError.USER_TEMPORARILY_DISABLED, page("ciamkitSmsCodeInvalid", null));
            return;
        }
        SmsChallenge.Outcome outcome = challenge.verify(form.getFirst(CODE_FIELD));
        FactorMetrics.global()
                .record(FactorMetrics.Factor.SMS_OTP, metricOutcome(outcome), context.getSession(), start);
        if (outcome == SmsChallenge.Outcome.ACCEPTED) {
            FactorAttempts.succeeded(context.getSession(), context.getRealm(), user);
            onSuccess.run();
            return;
        }
        FactorAttempts.failed(context.getSession(), context.getRealm(), user);
        context.getEvent().error(outcome.eventError());
        context.failureChallenge(
                AuthenticationFlowError.INVALID_CREDENTIALS,
                page(outcome.codeGone() ? "ciamkitSmsCodeExpired" : "ciamkitSmsCodeInvalid", null));
    }

    static FactorMetrics.Outcome metricOutcome(SmsChallenge.Outcome outcome) {
        return switch (outcome) {
            case ACCEPTED -> FactorMetrics.Outcome.SUCCESS;
            case WRONG -> FactorMetrics.Outcome.INVALID;
            case EXPIRED -> FactorMetrics.Outcome.EXPIRED;
            case EXHAUSTED -> FactorMetrics.Outcome.EXHAUSTED;
            case REPLAYED -> FactorMetrics.Outcome.REPLAYED;
        };
    }

    private Response page(String error, String info) {
        LoginFormsProvider form = context.form().setAttribute("ciamkitSmsDigits", config.digits());
        if (error != null) {
            form.addError(new FormMessage(CODE_FIELD, error));
        } else if (info != null) {
            form.setInfo(info);
        }
        return form.createForm(TEMPLATE);
    }
}
