package dev.ciamkit.sms.phone;

import dev.ciamkit.common.credential.RecentLogin;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Keycloak's view of a bound phone: the account console lists it under two-factor with its masked number, offers the
 * registration action to set or change it, and lets the user remove it on the same terms as a device (the account
 * REST path only with a recent login).
 */
final class PhoneCredentialProvider implements CredentialProvider<CredentialModel> {

    private final KeycloakSession session;

    PhoneCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return PhoneCredentials.TYPE;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, CredentialModel credential) {
        return user.credentialManager().createStoredCredential(credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public CredentialModel getCredentialFromModel(CredentialModel model) {
        return model;
    }

    @Override
    public boolean supportsCredentialType(String credentialType) {
        return getType().equals(credentialType);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        boolean removeable = RecentLogin.isRead(session)
                || !RecentLogin.isRestDelete(session)
                || RecentLogin.bearerTokenIsRecent(session);
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName("ciamkitPhoneDisplayName")
                .helpText("ciamkitPhoneHelpText")
                .iconCssClass("kcAuthenticatorDefaultClass")
                .createAction(PhoneRegisterActionFactory.ID)
                .updateAction(PhoneRegisterActionFactory.ID)
                .removeable(removeable)
                .build(session);
    }
}
