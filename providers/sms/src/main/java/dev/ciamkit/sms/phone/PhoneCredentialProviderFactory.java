package dev.ciamkit.sms.phone;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Registers the {@value PhoneCredentials#TYPE} credential type. */
public final class PhoneCredentialProviderFactory implements CredentialProviderFactory<PhoneCredentialProvider> {

    @Override
    public PhoneCredentialProvider create(KeycloakSession session) {
        return new PhoneCredentialProvider(session);
    }

    @Override
    public String getId() {
        return PhoneCredentials.TYPE;
    }
}
