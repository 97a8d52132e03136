package dev.ciamkit.risk.flow;

import dev.ciamkit.risk.engine.RiskLevel;
import java.util.Arrays;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** {@code ciamkit-risk-level}: branches a flow on the assessed risk level. */
public final class RiskLevelConditionFactory implements ConditionalAuthenticatorFactory {

    public static final String ID = "ciamkit-risk-level";
    private static final RiskLevelCondition CONDITION = new RiskLevelCondition();

    @Override
    public ConditionalAuthenticator getSingleton() {
        return CONDITION;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Condition - CIAM Kit risk level";
    }

    @Override
    public String getHelpText() {
        return "True when the risk level assessed by the CIAM Kit risk evaluator is at least (or at most) a level.";
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(RiskLevelCondition.LEVEL)
                .type(ProviderConfigProperty.LIST_TYPE)
                .label("ciamkitRiskConditionLevel")
                .helpText("ciamkitRiskConditionLevelHelp")
                .options(Arrays.stream(RiskLevel.values()).map(Enum::name).toList())
                .defaultValue(RiskLevel.MEDIUM.name())
                .add()
                .property()
                .name(RiskLevelCondition.COMPARISON)
                .type(ProviderConfigProperty.LIST_TYPE)
                .label("ciamkitRiskConditionComparison")
                .helpText("ciamkitRiskConditionComparisonHelp")
                .options(RiskLevelCondition.AT_LEAST, RiskLevelCondition.AT_MOST)
                .defaultValue(RiskLevelCondition.AT_LEAST)
                .add()
                .property()
                .name(RiskLevelCondition.UNLESS_LOA)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitRiskConditionUnlessLoa")
                .helpText("ciamkitRiskConditionUnlessLoaHelp")
                .defaultValue("0")
                .add()
                .build();
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
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}
}
