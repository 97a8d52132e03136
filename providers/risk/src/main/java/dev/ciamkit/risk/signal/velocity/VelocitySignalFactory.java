package dev.ciamkit.risk.signal.velocity;

import dev.ciamkit.risk.spi.RiskSignal;
import dev.ciamkit.risk.spi.RiskSignalFactory;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The {@code velocity} signal: recent failed logins for the user and the address. */
public final class VelocitySignalFactory implements RiskSignalFactory {

    @Override
    public RiskSignal create(KeycloakSession session) {
        return new VelocitySignal();
    }

    @Override
    public String getId() {
        return VelocitySignal.ID;
    }

    @Override
    public int defaultWeight() {
        return 100;
    }

    @Override
    public boolean usefulAtRefresh() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> configProperties() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(AddressFailures.WINDOW)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitRiskVelocityWindow")
                .helpText("ciamkitRiskVelocityWindowHelp")
                .defaultValue("900")
                .add()
                .property()
                .name(VelocitySignal.USER_THRESHOLD)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitRiskVelocityUserFailures")
                .helpText("ciamkitRiskVelocityUserFailuresHelp")
                .defaultValue("3")
                .add()
                .property()
                .name(VelocitySignal.USER_POINTS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitRiskVelocityUserPoints")
                .helpText("ciamkitRiskVelocityUserPointsHelp")
                .defaultValue("35")
                .add()
                .property()
                .name(AddressFailures.ADDRESS_THRESHOLD)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitRiskVelocityAddressFailures")
                .helpText("ciamkitRiskVelocityAddressFailuresHelp")
                .defaultValue("10")
                .add()
                .property()
                .name(VelocitySignal.ADDRESS_POINTS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitRiskVelocityAddressPoints")
                .helpText("ciamkitRiskVelocityAddressPointsHelp")
                .defaultValue("30")
                .add()
                .build();
    }
}
