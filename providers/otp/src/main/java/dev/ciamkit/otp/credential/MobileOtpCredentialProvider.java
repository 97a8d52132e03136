package dev.ciamkit.otp.credential;

import dev.ciamkit.common.bruteforce.FactorAttempts;
import dev.ciamkit.otp.engine.OtpVerifier;
import dev.ciamkit.otp.engine.VerifierSettings;
import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialInputValidator;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Keycloak's view of our devices: storage, the account console's metadata, and plain validation. */
public final class MobileOtpCredentialProvider
        implements CredentialProvider<MobileOtpCredentialModel>, CredentialInputValidator {

    /** The required action the account console starts to add a device. */
    public static final String ENROLMENT_ACTION = "ciamkit-mobile-otp-register";

    private final KeycloakSession session;

    MobileOtpCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return MobileOtpCredentialModel.TYPE;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, MobileOtpCredentialModel credential) {
        DeviceHistory.recordEnrolled(user);
        return user.credentialManager().createStoredCredential(credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public MobileOtpCredentialModel getCredentialFromModel(CredentialModel model) {
        // Keycloak lists a user's credentials through this (account console, admin console): a device whose data does
        // not parse is listed (and can be removed) as what it is, never a server error.
        return MobileOtpCredentialModel.read(model).orElseGet(() -> MobileOtpCredentialModel.unreadable(model));
    }

    @Override
    public boolean supportsCredentialType(String credentialType) {
        return getType().equals(credentialType);
    }

    @Override
    public boolean isConfiguredFor(RealmModel realm, UserModel user, String credentialType) {
        return supportsCredentialType(credentialType)
                && user.credentialManager()
                        .getStoredCredentialsByTypeStream(credentialType)
                        .findAny()
                        .isPresent();
    }

    /**
     * Validation with default settings, for callers outside our authenticator (which uses its own config). A refused
     * code counts in Keycloak's brute-force protector here too, so no caller opens an uncounted guessing path.
     */
    @Override
    public boolean isValid(RealmModel realm, UserModel user, CredentialInput input) {
        if (!supportsCredentialType(input.getType())) {
            return false;
        }
        DeviceVerification.Outcome outcome = new DeviceVerification(
                        session, VerifierSettings.DEFAULT, LockPolicy.DEFAULT)
                .verify(
                        user,
                        MobileOtpCredentialModel.credentialIdOrNull(input.getCredentialId()),
                        OtpVerifier.typedCode(input.getChallengeResponse()));
        if (outcome == DeviceVerification.Outcome.ACCEPTED) {
            return true;
        }
        if (outcome != DeviceVerification.Outcome.UNREADABLE) {
            FactorAttempts.failed(session, realm, user);
        }
        return false;
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName("ciamkitOtpDisplayName")
                .helpText("ciamkitOtpHelpText")
                .iconCssClass("kcAuthenticatorOTPClass")
                .createAction(ENROLMENT_ACTION)
                .removeable(new DeviceRemovalPolicy(session).removeable(context.getUser()))
                .build(session);
    }
}
