package dev.ciamkit.risk.recheck;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/**
 * {@code ciamkit-risk-recheck}: a client-policy executor; put it in a client profile and bind the profile to clients
 * with a client policy (the demo realm does it for every client). Its settings are the realm's risk evaluator's.
 */
public final class RiskRecheckExecutorFactory implements ClientPolicyExecutorProviderFactory {

    public static final String ID = "ciamkit-risk-recheck";

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new RiskRecheckExecutor(session);
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getHelpText() {
        return "CIAM Kit: at each token refresh, assesses the session's risk again (address, location, recent failures)"
                + " and revokes the session when the level rose above the one its login passed with.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
