package dev.ciamkit.ekyc.credential;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

public final class EkycCredentialProviderFactory implements CredentialProviderFactory<EkycCredentialProvider> {

    public static final String ID = "ciamkit-ekyc";

    @Override
    public EkycCredentialProvider create(KeycloakSession session) {
        return new EkycCredentialProvider(session);
    }

    @Override
    public String getId() {
        return ID;
    }
}
