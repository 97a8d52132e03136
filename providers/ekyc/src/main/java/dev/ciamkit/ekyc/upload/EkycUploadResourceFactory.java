package dev.ciamkit.ekyc.upload;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** {@code /realms/{realm}/ciamkit-ekyc}: the eKYC pages' image upload. */
public final class EkycUploadResourceFactory implements RealmResourceProviderFactory {

    public static final String ID = "ciamkit-ekyc";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new EkycUploadResource(session);
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        UploadsDirectory.check();
    }

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
