package dev.ciamkit.otp.directgrant;

import dev.ciamkit.common.bruteforce.FactorAttempts;
import dev.ciamkit.otp.credential.DeviceVerification;
import dev.ciamkit.otp.credential.MobileOtpCredentialModel;
import dev.ciamkit.otp.engine.OtpVerifier;
import dev.ciamkit.otp.form.MobileOtpConfig;
import dev.ciamkit.otp.form.OtpErrors;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.BiFunction;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

/**
 * The mobile-OTP factor of a resource-owner password grant: the token request must carry a valid code ({@code otp},
 * and {@code device_id} when the user has several devices), or the grant is refused. A user without a device is
 * refused too: a password grant can neither enrol a device nor skip the factor.
 */
final class MobileOtpDirectGrantAuthenticator implements Authenticator {

    static final String PARAM_OTP = "otp";
    static final String PARAM_DEVICE = "device_id";

    /** The same answer for every refusal, as Keycloak's direct-grant steps give, so it tells nothing of the cause. */
    private static final String OAUTH_ERROR = "invalid_grant";

    private static final String OAUTH_DESCRIPTION = "Invalid user credentials";

    private final BiFunction<KeycloakSession, MobileOtpConfig, DeviceVerification> verifications;

    MobileOtpDirectGrantAuthenticator() {
        this((session, config) -> new DeviceVerification(session, config.verifierSettings(), config.lockPolicy()));
    }

    MobileOtpDirectGrantAuthenticator(BiFunction<KeycloakSession, MobileOtpConfig, DeviceVerification> verifications) {
        this.verifications = verifications;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
        String code = OtpVerifier.typedCode(params.getFirst(PARAM_OTP));
        String deviceId = chosenDevice(user, params.getFirst(PARAM_DEVICE));
        context.getEvent()
                .user(user)
                .detail(Details.CREDENTIAL_TYPE, MobileOtpCredentialModel.TYPE)
                .detail(Details.SELECTED_CREDENTIAL_ID, deviceId);

        // A locked user is refused before any code is looked at; that refusal is not a new attempt to count.
        if (FactorAttempts.locked(context.getSession(), context.getRealm(), user)) {
            context.getEvent().error(Errors.USER_TEMPORARILY_DISABLED);
            context.forceChallenge(refusal(Response.Status.BAD_REQUEST));
            return;
        }
        if (code == null || deviceId == null) {
            fail(context, Errors.INVALID_USER_CREDENTIALS);
            return;
        }
        DeviceVerification verification =
                verifications.apply(context.getSession(), MobileOtpConfig.of(context.getAuthenticatorConfig()));
        switch (verification.verify(user, deviceId, code)) {
            case ACCEPTED -> {
                // As the form does: a passed factor clears the second-factor failures Keycloak counts towards
                // maxSecondaryAuthFailures, so an API user's occasional typo never adds up to a permanent lock.
                FactorAttempts.succeeded(context.getSession(), context.getRealm(), user);
                context.success();
            }
            case REPLAYED -> fail(context, OtpErrors.REPLAYED);
            case LOCKED -> fail(context, OtpErrors.DEVICE_LOCKED);
            case INVALID, UNKNOWN_DEVICE -> fail(context, Errors.INVALID_USER_CREDENTIALS);
            case UNREADABLE -> {
                // The server cannot open the seed: no code was checked, so nothing is counted against the user.
                context.getEvent().error(OtpErrors.DEVICE_UNREADABLE);
                context.failure(AuthenticationFlowError.INVALID_CREDENTIALS, refusal(Response.Status.UNAUTHORIZED));
            }
        }
    }

    /** The device asked for, or the only one; null when there is none or the request must name one of several. */
    private static String chosenDevice(UserModel user, String requested) {
        if (requested != null && !requested.isBlank()) {
            // Anything but a credential id is no device of the user's: refused like a wrong code, never stored.
            String id = MobileOtpCredentialModel.credentialIdOrNull(requested);
            return id == null ? "unknown" : id;
        }
        List<String> devices = user.credentialManager()
                .getStoredCredentialsByTypeStream(MobileOtpCredentialModel.TYPE)
                .map(CredentialModel::getId)
                .limit(2)
                .toList();
        return devices.size() == 1 ? devices.get(0) : null;
    }

    private static void fail(AuthenticationFlowContext context, String eventError) {
        FactorAttempts.failed(context.getSession(), context.getRealm(), context.getUser());
        context.getEvent().error(eventError);
        context.failure(AuthenticationFlowError.INVALID_CREDENTIALS, refusal(Response.Status.UNAUTHORIZED));
    }

    private static Response refusal(Response.Status status) {
        return Response.status(status)
                .entity(new OAuth2ErrorRepresentation(OAUTH_ERROR, OAUTH_DESCRIPTION))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        // A token request is one round trip: there is no form to post back to.
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    /** Always "configured": a user without a device must reach {@link #authenticate} to be refused there. */
    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

    @Override
    public void close() {}
}
