package dev.ciamkit.risk.signal.transaction;

import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The transaction signal's part of the evaluator's config form (labels and help in the risk bundles: ko, ja, en). */
final class TransactionConfigProperties {

    private TransactionConfigProperties() {}

    static List<ProviderConfigProperty> all() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(TransactionConfig.THRESHOLDS)
                .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
                .label("ciamkitRiskTransactionThresholds")
                .helpText("ciamkitRiskTransactionThresholdsHelp")
                .add()
                .property()
                .name(TransactionConfig.DEFAULT_THRESHOLD)
                .type(ProviderConfigProperty.STRING_TYPE)
                .defaultValue(TransactionConfig.DEFAULT_DEFAULT_THRESHOLD)
                .label("ciamkitRiskTransactionDefaultThreshold")
                .helpText("ciamkitRiskTransactionDefaultThresholdHelp")
                .add()
                .property()
                .name(TransactionConfig.OVER_POINTS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(TransactionConfig.DEFAULT_OVER_POINTS)
                .label("ciamkitRiskTransactionOverPoints")
                .helpText("ciamkitRiskTransactionOverPointsHelp")
                .add()
                .property()
                .name(TransactionConfig.HIGH_MULTIPLE)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(TransactionConfig.DEFAULT_HIGH_MULTIPLE)
                .label("ciamkitRiskTransactionHighMultiple")
                .helpText("ciamkitRiskTransactionHighMultipleHelp")
                .add()
                .property()
                .name(TransactionConfig.HIGH_POINTS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(TransactionConfig.DEFAULT_HIGH_POINTS)
                .label("ciamkitRiskTransactionHighPoints")
                .helpText("ciamkitRiskTransactionHighPointsHelp")
                .add()
                .property()
                .name(TransactionConfig.UNVERIFIED_POINTS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(TransactionConfig.DEFAULT_UNVERIFIED_POINTS)
                .label("ciamkitRiskTransactionUnverifiedPoints")
                .helpText("ciamkitRiskTransactionUnverifiedPointsHelp")
                .add()
                .build();
    }
}
