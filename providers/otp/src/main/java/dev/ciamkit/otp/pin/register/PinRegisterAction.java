package dev.ciamkit.otp.pin.register;

import dev.ciamkit.common.credential.RecentLogin;
import dev.ciamkit.otp.pin.PinCredentialModel;
import dev.ciamkit.otp.pin.PinErrors;
import dev.ciamkit.otp.pin.PinHasher;
import dev.ciamkit.otp.pin.PinPolicy;
import dev.ciamkit.otp.pin.PinVerification;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.keycloak.authentication.CredentialRegistrator;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Sets or changes the PIN: a new PIN typed twice, checked by {@link PinPolicy}. Never from an email link alone;
 * a change needs a login no older than the action's {@code max_auth_age}; a locked PIN is replaced only after an admin
 * unlocks or removes it.
 */
final class PinRegisterAction implements RequiredActionProvider, CredentialRegistrator {

    static final String TEMPLATE = "ciamkit-pin-register.ftl";
    static final String FIELD_PIN = "pin";
    static final String FIELD_CONFIRM = "pinConfirm";

    private final Set<String> blocklist;

    PinRegisterAction(Set<String> blocklist) {
        this.blocklist = blocklist;
    }

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {}

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (refused(context)) {
            return;
        }
        context.challenge(page(context, PinRegisterConfig.of(context.getConfig()), null, null, 0));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (refused(context)) {
            return;
        }
        PinRegisterConfig config = PinRegisterConfig.of(context.getConfig());
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String pin = PinPolicy.typed(form.getFirst(FIELD_PIN));
        String confirm = PinPolicy.typed(form.getFirst(FIELD_CONFIRM));
        UserModel user = context.getUser();
        PinPolicy.Verdict verdict =
                config.policy(blocklist).check(pin, user.getFirstAttribute(config.birthDateAttribute()));
        if (verdict != PinPolicy.Verdict.ACCEPTED) {
            error(context, verdict.name().toLowerCase(java.util.Locale.ROOT));
            context.challenge(page(context, config, FIELD_PIN, verdict.message(), config.length()));
            return;
        }
        if (confirm == null || !MessageDigest.isEqual(bytes(pin), bytes(confirm))) {
            error(context, "mismatch");
            context.challenge(page(context, config, FIELD_CONFIRM, "ciamkitPinMismatch", 0));
            return;
        }
        PinCredentialModel model =
                new PinHasher(context.getSession()).hash(user.getId(), pin, Time.currentTimeMillis());
        CredentialModel stored = context.getSession()
                .getProvider(CredentialProvider.class, dev.ciamkit.otp.pin.PinCredentialProviderFactory.ID)
                .createCredential(context.getRealm(), user, model);
        context.getEvent()
                .event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, PinCredentialModel.TYPE)
                .detail(Details.CREDENTIAL_ID, stored.getId());
        context.success();
    }

    /**
     * Refuses, with a page that says why: from an email link (the mailbox alone must not set a PIN), a change with a
     * login older than max_auth_age (a PIN change asks for a current factor), and a locked PIN (only an admin lifts it).
     */
    private static boolean refused(RequiredActionContext context) {
        UserModel user = context.getUser();
        boolean hasPin = PinVerification.stored(user).isPresent();
        String message = null;
        if (RecentLogin.fromEmailLink(context)) {
            message = "ciamkitPinNeedsSignIn";
        } else if (hasPin && PinVerification.locked(context.getSession(), user)) {
            message = "ciamkitPinLockedContactSupport";
        } else if (hasPin
                && !RecentLogin.requiredActionWithin(
                        context, PinRegisterConfig.of(context.getConfig()).maxAuthAgeSeconds())) {
            message = "ciamkitPinSignInAgain";
        }
        if (message == null) {
            return false;
        }
        context.getEvent()
                .clone()
                .event(EventType.UPDATE_CREDENTIAL_ERROR)
                .detail(Details.CREDENTIAL_TYPE, PinCredentialModel.TYPE)
                .error(message.equals("ciamkitPinLockedContactSupport") ? PinErrors.LOCKED : PinErrors.NEEDS_SIGN_IN);
        context.challenge(context.form().setError(message).createErrorPage(Response.Status.FORBIDDEN));
        return true;
    }

    private static void error(RequiredActionContext context, String reason) {
        context.getEvent()
                .clone()
                .event(EventType.UPDATE_CREDENTIAL_ERROR)
                .detail(Details.CREDENTIAL_TYPE, PinCredentialModel.TYPE)
                .detail(Details.REASON, reason)
                .error(PinErrors.REJECTED);
    }

    private static Response page(
            RequiredActionContext context, PinRegisterConfig config, String field, String message, int param) {
        LoginFormsProvider form = context.form();
        if (message != null) {
            form.addError(param > 0 ? new FormMessage(field, message, param) : new FormMessage(field, message));
        }
        return form.setAttribute("ciamkitPinLength", config.length())
                .setAttribute(
                        "ciamkitPinChange",
                        PinVerification.stored(context.getUser()).isPresent())
                .createForm(TEMPLATE);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String getCredentialType(KeycloakSession session, AuthenticationSessionModel authenticationSession) {
        return PinCredentialModel.TYPE;
    }

    @Override
    public void close() {}
}
