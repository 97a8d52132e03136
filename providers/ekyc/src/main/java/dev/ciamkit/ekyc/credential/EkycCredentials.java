package dev.ciamkit.ekyc.credential;

import java.util.Optional;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;

/** The user's eKYC credential in Keycloak's credential store. */
public final class EkycCredentials {

    private EkycCredentials() {}

    /** Stores {@code credential} as the user's only eKYC credential (earlier ones are removed) and returns it stored. */
    public static CredentialModel replace(UserModel user, EkycCredentialModel credential) {
        user.credentialManager()
                .getStoredCredentialsByTypeStream(EkycCredentialModel.TYPE)
                .map(CredentialModel::getId)
                .toList()
                .forEach(user.credentialManager()::removeStoredCredentialById);
        return user.credentialManager().createStoredCredential(credential);
    }

    /** True when the credential still exists and is the user's eKYC credential. */
    public static boolean exists(UserModel user, String credentialId) {
        if (credentialId == null) {
            return false;
        }
        return Optional.ofNullable(user.credentialManager().getStoredCredentialById(credentialId))
                .filter(c -> EkycCredentialModel.TYPE.equals(c.getType()))
                .isPresent();
    }
}
