package dev.ciamkit.otp.pin;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

public final class PinCredentialProviderFactory implements CredentialProviderFactory<PinCredentialProvider> {

    public static final String ID = "ciamkit-pin";

    @Override
    public PinCredentialProvider create(KeycloakSession session) {
        return new PinCredentialProvider(session);
    }

    @Override
    public String getId() {
        return ID;
    }
}
