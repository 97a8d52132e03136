package dev.ciamkit.risk.flow;

import dev.ciamkit.risk.engine.RiskScoring;
import dev.ciamkit.risk.spi.RiskSignal;
import dev.ciamkit.risk.spi.RiskSignalFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The evaluator's config form: the scoring (thresholds, minimum of evidence, cost of a signal that cannot tell), then
 * per signal found on the server its weight (0 turns it off) and its own settings. Labels and help are message keys.
 */
final class RiskEvaluatorConfigProperties {

    private RiskEvaluatorConfigProperties() {}

    static List<ProviderConfigProperty> scoring() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(RiskScoring.MEDIUM_FROM)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitRiskMediumFrom")
                .helpText("ciamkitRiskMediumFromHelp")
                .defaultValue("25")
                .add()
                .property()
                .name(RiskScoring.HIGH_FROM)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitRiskHighFrom")
                .helpText("ciamkitRiskHighFromHelp")
                .defaultValue("50")
                .add()
                .property()
                .name(RiskScoring.VERY_HIGH_FROM)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitRiskVeryHighFrom")
                .helpText("ciamkitRiskVeryHighFromHelp")
                .defaultValue("80")
                .add()
                .property()
                .name(RiskScoring.DECISIVE_POINTS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitRiskDecisivePoints")
                .helpText("ciamkitRiskDecisivePointsHelp")
                .defaultValue("60")
                .add()
                .property()
                .name(RiskScoring.MIN_EVIDENCE)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitRiskMinEvidence")
                .helpText("ciamkitRiskMinEvidenceHelp")
                .defaultValue("2")
                .add()
                .property()
                .name(RiskScoring.UNKNOWN_POINTS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitRiskUnknownPoints")
                .helpText("ciamkitRiskUnknownPointsHelp")
                .defaultValue("10")
                .add()
                .build();
    }

    static List<ProviderConfigProperty> all(KeycloakSessionFactory factories) {
        List<ProviderConfigProperty> all = new ArrayList<>(scoring());
        factories
                .getProviderFactoriesStream(RiskSignal.class)
                .map(RiskSignalFactory.class::cast)
                .sorted(Comparator.comparing(RiskSignalFactory::getId))
                .forEach(signal -> {
                    all.addAll(ProviderConfigurationBuilder.create()
                            .property()
                            .name(RiskSignalFactory.weightKey(signal.getId()))
                            .type(ProviderConfigProperty.INTEGER_TYPE)
                            .label("ciamkitRiskWeight_" + signal.getId())
                            .helpText("ciamkitRiskWeightHelp")
                            .defaultValue(Integer.toString(signal.defaultWeight()))
                            .add()
                            .build());
                    all.addAll(signal.configProperties());
                });
        return List.copyOf(all);
    }
}
