package dev.ciamkit.otp.credential;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

public final class MobileOtpCredentialProviderFactory
        implements CredentialProviderFactory<MobileOtpCredentialProvider> {

    public static final String ID = "ciamkit-mobile-otp";

    @Override
    public MobileOtpCredentialProvider create(KeycloakSession session) {
        return new MobileOtpCredentialProvider(session);
    }

    @Override
    public String getId() {
        return ID;
    }
}
