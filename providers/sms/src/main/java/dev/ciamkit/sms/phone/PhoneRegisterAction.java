package dev.ciamkit.sms.phone;

import dev.ciamkit.common.bruteforce.FactorAttempts;
import dev.ciamkit.common.credential.RecentLogin;
import dev.ciamkit.common.crypto.CryptoException;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.sms.code.SmsChallenge;
import dev.ciamkit.sms.code.SmsErrors;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.keycloak.authentication.CredentialRegistrator;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Binds a phone number: the user types it, we normalize it to E.164, text a code to it, and bind it once the code is
 * typed back. A new binding replaces the old one, and the old number gets a notice after commit. Started by the login
 * flow, an admin, or the account console (application-initiated: Keycloak asks for a fresh login first when the last
 * one is older than this action's {@code max_auth_age}, so a changed number always follows a current factor).
 */
final class PhoneRegisterAction implements RequiredActionProvider, CredentialRegistrator {

    static final String TEMPLATE = "ciamkit-phone-register.ftl";
    static final String PURPOSE = SmsChallenge.PURPOSE_NEW_NUMBER;
    private static final String PENDING = "ciamkit.phone.pending";
    private static final String PHONE_FIELD = "phone";
    private static final String CODE_FIELD = "code";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public String getCredentialType(KeycloakSession session, AuthenticationSessionModel authenticationSession) {
        return PhoneCredentials.TYPE;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {}

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (refused(context)) {
            return;
        }
        context.challenge(numberPage(context, null, null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (refused(context)) {
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String action = String.valueOf(form.getFirst("action"));
        switch (action) {
            case "send" -> send(context, form.getFirst(PHONE_FIELD));
            case "resend" -> resend(context);
            case "verify" -> verify(context, form.getFirst(CODE_FIELD));
            default -> {
                clearPending(context);
                context.challenge(numberPage(context, null, null));
            }
        }
    }

    /**
     * Refuses, with a page that says why: from an email link (the mailbox alone must never bind the phone that later
     * receives sign-in and fallback codes), and a change of number with a login older than the action's max_auth_age
     * (also when the action was set on the user and met through an old SSO session).
     */
    private static boolean refused(RequiredActionContext context) {
        String message;
        if (RecentLogin.fromEmailLink(context)) {
            message = "ciamkitPhoneNeedsSignIn";
        } else if (PhoneCredentials.stored(context.getUser()).isPresent()
                && !RecentLogin.requiredActionWithin(
                        context, PhoneRegisterConfig.of(context).maxAuthAgeSeconds())) {
            message = "ciamkitPhoneSignInAgain";
        } else {
            return false;
        }
        context.getEvent()
                .clone()
                .event(EventType.CUSTOM_REQUIRED_ACTION_ERROR)
                .detail("custom_required_action", PhoneRegisterActionFactory.ID)
                .error(SmsErrors.PHONE_NEEDS_SIGN_IN);
        context.challenge(context.form().setError(message).createErrorPage(Response.Status.FORBIDDEN));
        return true;
    }

    private void send(RequiredActionContext context, String typed) {
        PhoneRegisterConfig config = PhoneRegisterConfig.of(context);
        Optional<String> e164 =
                PhoneNumbers.toE164(typed, config.defaultRegion()).filter(number -> config.allows(number));
        if (e164.isEmpty()) {
            context.getEvent()
                    .clone()
                    .event(EventType.CUSTOM_REQUIRED_ACTION_ERROR)
                    .detail("custom_required_action", PhoneRegisterActionFactory.ID)
                    .error(SmsErrors.PHONE_INVALID);
            context.challenge(numberPage(context, PHONE_FIELD, "ciamkitPhoneInvalid"));
            return;
        }
        sendCode(context, config, e164.get(), true);
    }

    private void resend(RequiredActionContext context) {
        Optional<String> pending = pending(context);
        if (pending.isEmpty()) {
            context.challenge(numberPage(context, null, null));
            return;
        }
        sendCode(context, PhoneRegisterConfig.of(context), pending.get(), false);
    }

    /**
     * @param newNumber true when the user typed the number now: it becomes the pending one only once a code went to it,
     *     so a code sent to one number can never bind another
     */
    private void sendCode(RequiredActionContext context, PhoneRegisterConfig config, String e164, boolean newNumber) {
        SmsChallenge challenge = challenge(context, config);
        SmsChallenge.Sending sending = challenge.send(
                context.getUser(),
                e164,
                "ciamkitPhoneCodeText",
                "[{0}] Phone verification code: {1} (valid for {2} min). Do not share it.");
        switch (sending.status()) {
            case SENT -> {
                if (newNumber) {
                    context.getAuthenticationSession().setAuthNote(PENDING, seal(context, e164));
                }
                context.getEvent()
                        .clone()
                        .event(EventType.CUSTOM_REQUIRED_ACTION)
                        .detail("custom_required_action", PhoneRegisterActionFactory.ID)
                        .detail("ciamkit_sms", "code_sent")
                        .success();
                context.challenge(codePage(context, config, e164, null, "ciamkitSmsCodeSent"));
            }
            case RATE_LIMITED -> {
                context.getEvent()
                        .clone()
                        .event(EventType.CUSTOM_REQUIRED_ACTION_ERROR)
                        .detail("custom_required_action", PhoneRegisterActionFactory.ID)
                        .detail(SmsErrors.LIMIT, sending.refusedBy())
                        .error(SmsErrors.RATE_LIMITED);
                context.challenge(
                        !newNumber && challenge.pending()
                                ? codePage(context, config, e164, "ciamkitSmsRateLimited", null)
                                : numberPage(context, null, "ciamkitSmsRateLimited"));
            }
            case NOT_SENT -> {
                context.getEvent()
                        .clone()
                        .event(EventType.CUSTOM_REQUIRED_ACTION_ERROR)
                        .detail("custom_required_action", PhoneRegisterActionFactory.ID)
                        .detail(
                                SmsErrors.SMS_STATUS,
                                Integer.toString(sending.failure().gatewayStatus()))
                        .error(sending.failure().reason().eventError());
                clearPending(context);
                context.challenge(numberPage(context, null, "ciamkitSmsNotSent"));
            }
        }
    }

    private void verify(RequiredActionContext context, String typed) {
        PhoneRegisterConfig config = PhoneRegisterConfig.of(context);
        Optional<String> pending = pending(context);
        UserModel user = context.getUser();
        if (pending.isEmpty()) {
            context.challenge(numberPage(context, null, "ciamkitSmsCodeExpired"));
            return;
        }
        if (FactorAttempts.locked(context.getSession(), context.getRealm(), user)) {
            failed(context, SmsErrors.USER_LOCKED);
            context.challenge(codePage(context, config, pending.get(), "ciamkitSmsCodeInvalid", null));
            return;
        }
        SmsChallenge.Outcome outcome = challenge(context, config).verify(typed);
        if (outcome != SmsChallenge.Outcome.ACCEPTED) {
            FactorAttempts.failed(context.getSession(), context.getRealm(), user);
            failed(context, outcome.eventError());
            context.challenge(codePage(
                    context,
                    config,
                    pending.get(),
                    outcome.codeGone() ? "ciamkitSmsCodeExpired" : "ciamkitSmsCodeInvalid",
                    null));
            return;
        }
        new PhoneBinder(context.getSession(), user, config).bind(pending.get());
        clearPending(context);
        context.getEvent()
                .clone()
                .event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail("custom_required_action", PhoneRegisterActionFactory.ID)
                .detail("ciamkit_phone", "bound")
                .success();
        context.success();
    }

    private static void failed(RequiredActionContext context, String error) {
        context.getEvent()
                .clone()
                .event(EventType.CUSTOM_REQUIRED_ACTION_ERROR)
                .detail("custom_required_action", PhoneRegisterActionFactory.ID)
                .error(error);
    }

    private static SmsChallenge challenge(RequiredActionContext context, PhoneRegisterConfig config) {
        return new SmsChallenge(context.getSession(), context.getAuthenticationSession(), PURPOSE, config.codes());
    }

    private Response numberPage(RequiredActionContext context, String field, String error) {
        LoginFormsProvider form = context.form()
                .setAttribute("ciamkitPhoneStage", "number")
                .setAttribute("ciamkitPhoneCurrent", currentMasked(context).orElse(""));
        if (error != null) {
            if (field != null) {
                form.addError(new FormMessage(field, error));
            } else {
                form.setError(error);
            }
        }
        return form.createForm(TEMPLATE);
    }

    private Response codePage(
            RequiredActionContext context, PhoneRegisterConfig config, String e164, String error, String info) {
        LoginFormsProvider form = context.form()
                .setAttribute("ciamkitPhoneStage", "code")
                .setAttribute("ciamkitPhoneMasked", PhoneNumbers.masked(e164, config.defaultRegion()))
                .setAttribute("ciamkitPhoneCurrent", currentMasked(context).orElse(""));
        if (error != null) {
            form.addError(new FormMessage(CODE_FIELD, error));
        } else if (info != null) {
            form.setInfo(info, PhoneNumbers.masked(e164, config.defaultRegion()));
        }
        return form.createForm(TEMPLATE);
    }

    private static Optional<String> currentMasked(RequiredActionContext context) {
        return PhoneCredentials.stored(context.getUser())
                .flatMap(PhoneCredentials::binding)
                .map(PhoneBinding::masked);
    }

    /** The number being registered, sealed in the authentication session (which may be replicated in the cluster). */
    private static String seal(RequiredActionContext context, String e164) {
        return context.getSession()
                .getProvider(EnvelopeProvider.class)
                .seal(e164.getBytes(StandardCharsets.UTF_8), pendingContext(context));
    }

    private static Optional<String> pending(RequiredActionContext context) {
        String sealed = context.getAuthenticationSession().getAuthNote(PENDING);
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            byte[] number =
                    context.getSession().getProvider(EnvelopeProvider.class).open(sealed, pendingContext(context));
            return Optional.of(new String(number, StandardCharsets.UTF_8));
        } catch (CryptoException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void clearPending(RequiredActionContext context) {
        context.getAuthenticationSession().removeAuthNote(PENDING);
        challenge(context, PhoneRegisterConfig.of(context)).clear();
    }

    private static String pendingContext(RequiredActionContext context) {
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        return "ciamkit-phone-pending:" + auth.getParentSession().getId() + ":" + auth.getTabId() + ":"
                + context.getUser().getId();
    }

    @Override
    public void close() {}
}
