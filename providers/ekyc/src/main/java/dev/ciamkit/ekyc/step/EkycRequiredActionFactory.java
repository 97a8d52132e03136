package dev.ciamkit.ekyc.step;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Required action {@code ciamkit-ekyc-verify}: the eKYC pages outside a step-up flow. */
public final class EkycRequiredActionFactory implements RequiredActionFactory {

    public static final String ID = "ciamkit-ekyc-verify";

    private static final EkycRequiredAction ACTION = new EkycRequiredAction();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return ACTION;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "CIAM Kit eKYC identity verification";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return EkycStepConfigProperties.PROPERTIES;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
