package dev.ciamkit.ekyc.spi;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * Pluggable eKYC vendors: OCR, ID authenticity, face match and 1-won account verification behind one interface. The
 * shipped implementation is {@code http}, which speaks the gateway contract of the module README; a vendor without a
 * gateway gets an adapter that speaks it, or a factory of its own here.
 */
public final class EkycVerifierSpi implements Spi {

    public static final String NAME = "ciamkit-ekyc-verifier";

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
        return EkycVerifier.class;
    }

    @Override
    public Class<? extends ProviderFactory<?>> getProviderFactoryClass() {
        return EkycVerifierFactory.class;
    }
}
