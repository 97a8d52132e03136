package dev.ciamkit.risk.flow;

import dev.ciamkit.common.config.BoundedInt;
import dev.ciamkit.risk.engine.RiskLevel;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * True when the login's assessed level is at least (or at most) the configured one. Without an assessment (the
 * evaluator is missing or after this condition) the level counts as HIGH, so a misplaced condition adds a step rather
 * than skipping one. With {@code risk-unless-loa} set, a login that already reached that level of authentication in
 * this flow (a client asked for it with {@code acr_values}) does not run the risk branch again: each step at most
 * once per login.
 */
final class RiskLevelCondition implements ConditionalAuthenticator {

    static final String LEVEL = "risk-level";
    static final String COMPARISON = "risk-comparison";
    static final String AT_LEAST = "at-least";
    static final String AT_MOST = "at-most";
    static final String UNLESS_LOA = "risk-unless-loa";
    private static final Logger LOG = Logger.getLogger(RiskLevelCondition.class);

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        // Each request of a login has an event of its own: the one that ends in LOGIN gets the assessment too.
        RiskNotes.describe(context.getEvent(), context.getAuthenticationSession());
        Map<String, String> config = RiskEvaluatorAuthenticator.config(context.getAuthenticatorConfig());
        int unlessLoa = BoundedInt.read(config, UNLESS_LOA, 0, 0, 10);
        if (unlessLoa > 0
                && new AcrStore(context.getSession(), context.getAuthenticationSession())
                                .getLevelOfAuthenticationFromCurrentAuthentication()
                        >= unlessLoa) {
            return false;
        }
        RiskLevel configured = RiskLevel.parse(config.get(LEVEL)).orElse(RiskLevel.MEDIUM);
        RiskLevel assessed = RiskNotes.level(context.getAuthenticationSession()).orElseGet(() -> {
            LOG.warnf(
                    "CIAM Kit: risk-level condition in realm %s ran before any risk evaluator; level taken as HIGH",
                    context.getRealm().getName());
            return RiskLevel.HIGH;
        });
        return AT_MOST.equals(config.get(COMPARISON)) ? configured.atLeast(assessed) : assessed.atLeast(configured);
    }

    @Override
    public void action(AuthenticationFlowContext context) {}

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

    @Override
    public void close() {}
}
