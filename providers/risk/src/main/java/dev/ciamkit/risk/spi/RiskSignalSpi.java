package dev.ciamkit.risk.spi;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The SPI {@code ciamkit-risk-signal}: one provider per source of risk. */
public final class RiskSignalSpi implements Spi {

    public static final String NAME = "ciamkit-risk-signal";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return RiskSignal.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return RiskSignalFactory.class;
    }
}
