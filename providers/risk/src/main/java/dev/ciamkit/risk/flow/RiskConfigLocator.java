package dev.ciamkit.risk.flow;

import java.util.Map;
import java.util.Optional;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

/**
 * The realm's risk settings for work done outside a flow (counting failures, learning, the refresh re-check): the
 * config of the first risk evaluator found in the realm's flows (a realm with several should give them one config). Empty when the realm has no
 * evaluator (then nothing risk-related runs there); an evaluator without config gives the defaults.
 */
public final class RiskConfigLocator {

    private RiskConfigLocator() {}

    public static Optional<Map<String, String>> find(RealmModel realm) {
        Optional<AuthenticationExecutionModel> execution = realm.getAuthenticationFlowsStream()
                .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                .filter(e -> RiskEvaluatorAuthenticatorFactory.ID.equals(e.getAuthenticator()))
                .findFirst();
        if (execution.isEmpty()) {
            return Optional.empty();
        }
        String configId = execution.get().getAuthenticatorConfig();
        AuthenticatorConfigModel config = configId == null ? null : realm.getAuthenticatorConfigById(configId);
        return Optional.of(config == null || config.getConfig() == null ? Map.of() : config.getConfig());
    }
}
