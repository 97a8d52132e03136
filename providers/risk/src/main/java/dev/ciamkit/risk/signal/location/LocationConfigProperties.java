package dev.ciamkit.risk.signal.location;

import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The location signal's part of the evaluator's config form (labels and help in the risk bundles: ko, ja, en). */
public final class LocationConfigProperties {

    private LocationConfigProperties() {}

    public static List<ProviderConfigProperty> all() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(LocationConfig.MAX_SPEED_KMH)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(LocationConfig.DEFAULT_MAX_SPEED_KMH)
                .label("ciamkitRiskLocationMaxSpeed")
                .helpText("ciamkitRiskLocationMaxSpeedHelp")
                .add()
                .property()
                .name(LocationConfig.MIN_TRAVEL_KM)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(LocationConfig.DEFAULT_MIN_TRAVEL_KM)
                .label("ciamkitRiskLocationMinTravel")
                .helpText("ciamkitRiskLocationMinTravelHelp")
                .add()
                .property()
                .name(LocationConfig.IMPOSSIBLE_TRAVEL_POINTS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(LocationConfig.DEFAULT_IMPOSSIBLE_TRAVEL_POINTS)
                .label("ciamkitRiskLocationImpossibleTravelPoints")
                .helpText("ciamkitRiskLocationImpossibleTravelPointsHelp")
                .add()
                .property()
                .name(LocationConfig.NEW_COUNTRY_POINTS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(LocationConfig.DEFAULT_NEW_COUNTRY_POINTS)
                .label("ciamkitRiskLocationNewCountryPoints")
                .helpText("ciamkitRiskLocationNewCountryPointsHelp")
                .add()
                .build();
    }
}
