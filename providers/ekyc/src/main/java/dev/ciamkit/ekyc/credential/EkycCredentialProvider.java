package dev.ciamkit.ekyc.credential;

import dev.ciamkit.ekyc.vault.jpa.VaultStore;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Keycloak's view of eKYC verifications: one credential per user (the newest verification), listed in the account
 * console with the two-factor credentials, removable by the user. It proves nothing by itself (no input validates
 * against it): the step-up reads the vault.
 */
public final class EkycCredentialProvider implements CredentialProvider<EkycCredentialModel> {

    /** The required action that verifies (account console: set up). */
    public static final String VERIFY_ACTION = "ciamkit-ekyc-verify";

    private final KeycloakSession session;

    EkycCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return EkycCredentialModel.TYPE;
    }

    /** The user's only eKYC credential: an earlier one goes. */
    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, EkycCredentialModel credential) {
        return EkycCredentials.replace(user, credential);
    }

    /** Removal through the provider (admin paths that call it) withdraws the record at once, as the listener does. */
    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        boolean removed = user.credentialManager().removeStoredCredentialById(credentialId);
        if (removed) {
            VaultStore.of(session)
                    .withdrawCredential(realm.getId(), user.getId(), credentialId, Time.currentTimeMillis());
        }
        return removed;
    }

    @Override
    public EkycCredentialModel getCredentialFromModel(CredentialModel model) {
        return EkycCredentialModel.read(model).orElseGet(() -> EkycCredentialModel.unreadable(model));
    }

    @Override
    public boolean supportsCredentialType(String credentialType) {
        return getType().equals(credentialType);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName("ciamkitEkycDisplayName")
                .helpText("ciamkitEkycHelpText")
                .iconCssClass("kcAuthenticatorDefaultClass")
                .createAction(VERIFY_ACTION)
                .removeable(true)
                .build(session);
    }
}
