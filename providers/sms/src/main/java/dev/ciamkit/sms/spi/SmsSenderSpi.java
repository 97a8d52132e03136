package dev.ciamkit.sms.spi;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * Pluggable SMS gateways. Admins pick a sender by id in an authenticator's or required action's config form; the
 * sender's own properties ({@link SmsSenderFactory#getSenderConfigProperties()}) appear in the same form.
 */
public final class SmsSenderSpi implements Spi {

    public static final String NAME = "ciamkit-sms-sender";

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
        return SmsSender.class;
    }

    @Override
    public Class<? extends ProviderFactory<?>> getProviderFactoryClass() {
        return SmsSenderFactory.class;
    }
}
