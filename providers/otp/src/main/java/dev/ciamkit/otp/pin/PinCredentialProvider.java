package dev.ciamkit.otp.pin;

import dev.ciamkit.common.bruteforce.FactorAttempts;
import dev.ciamkit.otp.store.PinStates;
import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialInputValidator;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Keycloak's view of the PIN: storage with its state row, the account console's metadata, plain validation. */
public final class PinCredentialProvider implements CredentialProvider<PinCredentialModel>, CredentialInputValidator {

    /** The required action that sets and changes the PIN (account console: set up and update). */
    public static final String REGISTER_ACTION = "ciamkit-pin-register";

    private final KeycloakSession session;

    PinCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return PinCredentialModel.TYPE;
    }

    /** The user's only PIN: an earlier one (and its failures and lock) goes, the new one starts unlocked. */
    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, PinCredentialModel credential) {
        user.credentialManager()
                .getStoredCredentialsByTypeStream(PinCredentialModel.TYPE)
                .map(CredentialModel::getId)
                .toList()
                .forEach(user.credentialManager()::removeStoredCredentialById);
        CredentialModel stored = user.credentialManager().createStoredCredential(credential);
        new PinStates(session).create(realm.getId(), user.getId(), stored.getId());
        return stored;
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public PinCredentialModel getCredentialFromModel(CredentialModel model) {
        // Keycloak lists credentials through this: a PIN whose data does not parse is still listed (and removable by
        // an admin), never a server error.
        return PinCredentialModel.read(model).orElseGet(() -> PinCredentialModel.unreadable(model));
    }

    @Override
    public boolean supportsCredentialType(String credentialType) {
        return getType().equals(credentialType);
    }

    @Override
    public boolean isConfiguredFor(RealmModel realm, UserModel user, String credentialType) {
        return supportsCredentialType(credentialType)
                && PinVerification.stored(user).isPresent();
    }

    /**
     * Validation for callers outside our form, with the default lock count. A wrong PIN counts in the PIN's own lock
     * and once in Keycloak's brute-force protector, so no caller opens an uncounted guessing path.
     */
    @Override
    public boolean isValid(RealmModel realm, UserModel user, CredentialInput input) {
        if (!supportsCredentialType(input.getType())) {
            return false;
        }
        PinVerification verification = new PinVerification(session, PinVerification.DEFAULT_MAX_FAILURES);
        PinVerification.Outcome outcome = verification.check(user, PinPolicy.typed(input.getChallengeResponse()));
        if (outcome == PinVerification.Outcome.ACCEPTED) {
            verification.passed(user);
            return true;
        }
        if (outcome != PinVerification.Outcome.UNREADABLE) {
            FactorAttempts.failed(session, realm, user);
        }
        return false;
    }

    /**
     * Listed with the two-factor credentials (the PIN is one half of the PIN + OTP step). The user sets and changes it
     * through the required action, never removes it: removing a locked PIN and setting a new one would undo the lock
     * without an admin.
     */
    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName("ciamkitPinDisplayName")
                .helpText("ciamkitPinHelpText")
                .iconCssClass("kcAuthenticatorPasswordClass")
                .createAction(REGISTER_ACTION)
                .updateAction(REGISTER_ACTION)
                .removeable(false)
                .build(session);
    }
}
