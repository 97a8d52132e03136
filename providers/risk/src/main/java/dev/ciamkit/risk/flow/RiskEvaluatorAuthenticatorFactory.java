package dev.ciamkit.risk.flow;

import dev.ciamkit.risk.device.KnownDevices;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** {@code ciamkit-risk-evaluator}: assesses the login's risk for the conditions after it. */
public final class RiskEvaluatorAuthenticatorFactory implements AuthenticatorFactory {

    public static final String ID = "ciamkit-risk-evaluator";
    private final RiskEvaluatorAuthenticator authenticator = new RiskEvaluatorAuthenticator();
    private List<ProviderConfigProperty> properties = RiskEvaluatorConfigProperties.scoring();

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "CIAM Kit risk evaluator";
    }

    @Override
    public String getHelpText() {
        return "Scores the login's risk (network, location, device, time, velocity) for the risk-level conditions that"
                + " follow. Never fails a login itself.";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    /**
     * Names the known-device credential type so the account console lists (and lets the user forget) remembered
     * browsers. Only here, never as the reference category: that one feeds the LoA map, brute force and "try another
     * way", and a remembered browser is no factor.
     */
    @Override
    public java.util.Set<String> getOptionalReferenceCategories(KeycloakSession session) {
        return java.util.Set.of(KnownDevices.TYPE);
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return properties;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {
            AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED
        };
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        properties = RiskEvaluatorConfigProperties.all(factory);
    }

    @Override
    public void close() {}
}
