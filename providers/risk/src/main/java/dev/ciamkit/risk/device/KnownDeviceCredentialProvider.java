package dev.ciamkit.risk.device;

import dev.ciamkit.common.credential.RecentLogin;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Keycloak's view of the browsers a user is remembered on, so that the stock account console lists them ("Signing
 * in", one row per browser with its label) and the user can forget one, on the same terms as a phone: the deprecated
 * account REST delete only with a recent login ({@link RecentLogin}); the {@code delete_credential} action re-asks for
 * the login by itself.
 *
 * <p>A remembered browser is not a factor, and nothing here lets Keycloak take it for one:
 *
 * <ul>
 *   <li>No {@code CredentialInputValidator}: {@code credentialManager().isConfiguredFor(TYPE)} asks only validators, so
 *       it is always false, and no conditional or "user configured" check counts it; nothing can be validated with it.
 *   <li>No authenticator names {@value KnownDevices#TYPE} as its {@code getReferenceCategory}: that is what the LoA
 *       map, brute force categories and "try another way" read. The risk evaluator names it among its
 *       {@code getOptionalReferenceCategories}, which only the account console reads, to list the type at all.
 *   <li>Category {@link CredentialTypeMetadata.Category#BASIC_AUTHENTICATION}: the category only chooses the heading
 *       the account console files the rows under (nothing in the server reads it). "Two-factor" would tell the user a
 *       remembered browser is a second factor and "passwordless" that it signs in alone; listed beside the password it
 *       claims neither.
 *   <li>No create or update action: a browser is remembered by signing in with it, never set up by hand.
 * </ul>
 */
final class KnownDeviceCredentialProvider implements CredentialProvider<CredentialModel> {

    private final KeycloakSession session;

    KnownDeviceCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return KnownDevices.TYPE;
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
                .category(CredentialTypeMetadata.Category.BASIC_AUTHENTICATION)
                .displayName("ciamkitKnownDeviceDisplayName")
                .helpText("ciamkitKnownDeviceHelpText")
                .iconCssClass(CredentialTypeMetadata.DEFAULT_ICON_CSS_CLASS)
                .removeable(removeable)
                .build(session);
    }
}
