package dev.ciamkit.common.outbox.spi;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** Handlers of the persistent outbox's topics. */
public final class OutboxHandlerSpi implements Spi {

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return "ciamkit-outbox-handler";
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return OutboxHandler.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return OutboxHandlerFactory.class;
    }
}
