package dev.ciamkit.risk.signal.time;

import dev.ciamkit.risk.spi.RiskSignal;
import dev.ciamkit.risk.spi.RiskSignalFactory;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The {@code time} signal: unusual hour of the week for this user. */
public final class TimeSignalFactory implements RiskSignalFactory {

    @Override
    public RiskSignal create(KeycloakSession session) {
        return new TimeSignal();
    }

    @Override
    public String getId() {
        return TimeSignal.ID;
    }

    @Override
    public int defaultWeight() {
        return 100;
    }

    @Override
    public List<ProviderConfigProperty> configProperties() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(TimeSignal.MIN_LOGINS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitRiskTimeMinLogins")
                .helpText("ciamkitRiskTimeMinLoginsHelp")
                .defaultValue("10")
                .add()
                .property()
                .name(TimeSignal.UNUSUAL_PERCENT)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitRiskTimeUnusualPercent")
                .helpText("ciamkitRiskTimeUnusualPercentHelp")
                .defaultValue("2")
                .add()
                .property()
                .name(TimeSignal.POINTS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .label("ciamkitRiskTimePoints")
                .helpText("ciamkitRiskTimePointsHelp")
                .defaultValue("30")
                .add()
                .build();
    }
}
