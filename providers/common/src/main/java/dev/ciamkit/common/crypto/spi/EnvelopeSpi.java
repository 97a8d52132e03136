package dev.ciamkit.common.crypto.spi;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * Where CIAM Kit's data-at-rest keys come from. Every module seals secrets (OTP seeds, PIN hashes, phone numbers, eKYC
 * results) through {@link EnvelopeProvider}; the factory chosen with {@code spi-ciamkit-envelope--provider} decides
 * where the keys live: {@code keyfile} (default) or {@code vault}.
 */
public final class EnvelopeSpi implements Spi {

    public static final String NAME = "ciamkit-envelope";

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
        return EnvelopeProvider.class;
    }

    @Override
    public Class<? extends ProviderFactory<?>> getProviderFactoryClass() {
        return EnvelopeProviderFactory.class;
    }
}
