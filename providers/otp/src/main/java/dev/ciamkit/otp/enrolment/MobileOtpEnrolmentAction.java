package dev.ciamkit.otp.enrolment;

import dev.ciamkit.common.credential.RecentLogin;
import dev.ciamkit.common.crypto.spi.EnvelopeProvider;
import dev.ciamkit.otp.credential.DeviceData;
import dev.ciamkit.otp.credential.DeviceHistory;
import dev.ciamkit.otp.credential.MobileOtpCredentialModel;
import dev.ciamkit.otp.engine.DeviceState;
import dev.ciamkit.otp.engine.OtpVerifier;
import dev.ciamkit.otp.engine.ReplayKeys;
import dev.ciamkit.otp.engine.Verification;
import dev.ciamkit.otp.engine.VerifierSettings;
import dev.ciamkit.otp.form.NoDevicePage;
import dev.ciamkit.otp.form.OtpErrors;
import dev.ciamkit.otp.store.DeviceStates;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.keycloak.authentication.CredentialRegistrator;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.forms.login.MessageType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Enrols a phone: QR code and text key on the page, or a one-time link by SMS; the device is saved only after the user
 * enters one valid code from it. Started by the login flow for users without a device, or by the account console
 * (application-initiated, where Keycloak asks for a fresh login first when the last one is older than the action's
 * max_auth_age).
 */
final class MobileOtpEnrolmentAction implements RequiredActionProvider, CredentialRegistrator {

    static final String TEMPLATE = "ciamkit-otp-enrol.ftl";
    /** Message key (ko/ja/en): a device is registered after signing in, never from an email link. */
    static final String NEEDS_SIGN_IN_MESSAGE = "ciamkitOtpEnrolNeedsSignIn";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {}

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (refusedWithoutReset(context)) {
            return;
        }
        EnrolmentConfig config = config(context);
        PendingEnrolment pending = pending(context, config);
        context.challenge(
                pending.restarted ? restarted(context, config, pending) : page(context, config, pending, null, null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (refusedWithoutReset(context)) {
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        EnrolmentConfig config = config(context);
        PendingEnrolment pending = pending(context, config);
        if (pending.restarted) {
            // The code or link request was for the key the user saw, which no longer exists: show the new one.
            context.challenge(restarted(context, config, pending));
            return;
        }
        if ("sms".equals(form.getFirst("action"))) {
            new SmsLinkSender(context, config).send(pending);
            return;
        }
        String code = OtpVerifier.typedCode(form.getFirst("otp"));
        if (code == null) {
            context.challenge(page(context, config, pending, "otp", "ciamkitOtpMissing"));
            return;
        }
        long now = Time.currentTime();
        Verification result = new OtpVerifier(VerifierSettings.DEFAULT)
                .verify(pending.seed, pending.policy, DeviceState.NEW, code, now);
        if (!(result instanceof Verification.Accepted accepted)) {
            context.getEvent()
                    .clone()
                    .event(EventType.UPDATE_CREDENTIAL_ERROR)
                    .detail(Details.CREDENTIAL_TYPE, MobileOtpCredentialModel.TYPE)
                    .error(OtpErrors.ENROLMENT_INVALID_CODE);
            context.challenge(page(context, config, pending, "otp", "ciamkitOtpEnrolInvalid"));
            return;
        }
        CredentialModel device = save(context, pending, accepted, label(form.getFirst("label")), now);
        PendingEnrolment.clear(context.getSession(), context.getAuthenticationSession());
        NewDeviceNotice.sendAfterCommit(
                context.getSession(),
                context.getRealm(),
                context.getUser(),
                device.getUserLabel(),
                context.getConnection().getRemoteAddr());
        context.getEvent()
                .event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, MobileOtpCredentialModel.TYPE)
                .detail(Details.CREDENTIAL_ID, device.getId());
        context.success();
    }

    /** Abandoned from the account console: the pending seed and its live link go with it. */
    @Override
    public void initiatedActionCanceled(KeycloakSession session, AuthenticationSessionModel authSession) {
        PendingEnrolment.clear(session, authSession);
    }

    private static Response restarted(RequiredActionContext context, EnrolmentConfig config, PendingEnrolment pending) {
        context.getEvent()
                .clone()
                .event(EventType.CUSTOM_REQUIRED_ACTION_ERROR)
                .detail("custom_required_action", MobileOtpEnrolmentActionFactory.ID)
                .error(OtpErrors.ENROLMENT_UNREADABLE);
        return new EnrolmentPage(context, config, pending)
                .render(context.form().setMessage(MessageType.WARNING, "ciamkitOtpEnrolRestarted"));
    }

    /**
     * A user who has had a device and has none now enrols again only after an admin reset: otherwise a stolen password
     * plus a removed device would be enough to register the thief's phone.
     */
    private static boolean refusedWithoutReset(RequiredActionContext context) {
        if (fromAnEmailLink(context)) {
            context.getEvent()
                    .clone()
                    .event(EventType.UPDATE_CREDENTIAL_ERROR)
                    .detail(Details.CREDENTIAL_TYPE, MobileOtpCredentialModel.TYPE)
                    .error(OtpErrors.ENROLMENT_NEEDS_SIGN_IN);
            context.challenge(
                    context.form().setError(NEEDS_SIGN_IN_MESSAGE).createErrorPage(Response.Status.FORBIDDEN));
            return true;
        }
        if (!DeviceHistory.lostAllDevices(context.getUser())
                || "true".equals(context.getAuthenticationSession().getAuthNote(DeviceHistory.REENROL_AFTER_SMS))) {
            return false;
        }
        context.getEvent()
                .clone()
                .event(EventType.UPDATE_CREDENTIAL_ERROR)
                .detail(Details.CREDENTIAL_TYPE, MobileOtpCredentialModel.TYPE)
                .error(OtpErrors.NO_DEVICE);
        context.challenge(NoDevicePage.create(context.form()));
        return true;
    }

    /**
     * An admin's "execute actions" email (or any action token) runs required actions without a login: the mailbox alone
     * must never register a device, beside the user's devices or as the first one (whoever reads the mail would then
     * reset the password with it). Devices are registered after a login with the password (and the device, if any).
     */
    private static boolean fromAnEmailLink(RequiredActionContext context) {
        return RecentLogin.fromEmailLink(context);
    }

    private static CredentialModel save(
            RequiredActionContext context,
            PendingEnrolment pending,
            Verification.Accepted accepted,
            String label,
            long now) {
        UserModel user = context.getUser();
        String deviceId = UUID.randomUUID().toString();
        String sealed = context.getSession()
                .getProvider(EnvelopeProvider.class)
                .seal(pending.seed, MobileOtpCredentialModel.seedContext(user.getId(), deviceId));
        DeviceData data = DeviceData.enrolled(deviceId, pending.policy, accepted.next(), now);
        long created = Time.currentTimeMillis();
        MobileOtpCredentialModel model =
                MobileOtpCredentialModel.create(uniqueLabel(user, label), data, sealed, created);
        CredentialModel stored = user.credentialManager().createStoredCredential(model);
        // The device's state row, in the same transaction; the credential row first, for the foreign key.
        DeviceStates states = new DeviceStates(context.getSession());
        states.flush();
        states.create(context.getRealm().getId(), user.getId(), stored.getId(), data, created);
        DeviceHistory.recordEnrolled(user);
        // The code that confirmed the device must not also open the next login.
        context.getSession()
                .singleUseObjects()
                .putIfAbsent(
                        ReplayKeys.of(stored.getId(), pending.policy.type(), accepted.position()),
                        ReplayKeys.lifespanSeconds(pending.policy, VerifierSettings.DEFAULT));
        return stored;
    }

    static String uniqueLabel(UserModel user, String wanted) {
        Set<String> taken = user.credentialManager()
                .getStoredCredentialsByTypeStream(MobileOtpCredentialModel.TYPE)
                .map(CredentialModel::getUserLabel)
                .collect(Collectors.toSet());
        String base = wanted == null ? "Phone" : wanted.length() > 64 ? wanted.substring(0, 64) : wanted;
        String label = base;
        for (int n = 2; taken.contains(label); n++) {
            label = base + " " + n;
        }
        return label;
    }

    static LoginFormsProvider form(RequiredActionContext context, String field, String message) {
        LoginFormsProvider form = context.form();
        if (message != null) {
            form.addError(new FormMessage(field, message));
        }
        return form;
    }

    private static Response page(
            RequiredActionContext context,
            EnrolmentConfig config,
            PendingEnrolment pending,
            String field,
            String message) {
        return new EnrolmentPage(context, config, pending).render(form(context, field, message));
    }

    static EnrolmentConfig config(RequiredActionContext context) {
        RequiredActionConfigModel model = context.getConfig();
        return new EnrolmentConfig(model == null ? null : model.getConfig());
    }

    private static PendingEnrolment pending(RequiredActionContext context, EnrolmentConfig config) {
        return PendingEnrolment.loadOrCreate(context.getSession(), context.getAuthenticationSession(), config.policy());
    }

    private static String label(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip().replaceAll("\\s+", " ");
    }

    @Override
    public String getCredentialType(KeycloakSession session, AuthenticationSessionModel authenticationSession) {
        return MobileOtpCredentialModel.TYPE;
    }

    @Override
    public void close() {}
}
