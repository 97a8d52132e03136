package dev.ciamkit.risk.device;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Registers the {@value KnownDevices#TYPE} credential type. */
public final class KnownDeviceCredentialProviderFactory
        implements CredentialProviderFactory<KnownDeviceCredentialProvider> {

    @Override
    public KnownDeviceCredentialProvider create(KeycloakSession session) {
        return new KnownDeviceCredentialProvider(session);
    }

    @Override
    public String getId() {
        return KnownDevices.TYPE;
    }
}
