package dev.ciamkit.ekyc.spi;

import org.keycloak.provider.ProviderFactory;

/**
 * Creates {@link EkycVerifier}s; registered in {@code META-INF/services}. A factory's settings are server options
 * ({@code --spi-ciamkit-ekyc-verifier--<id>--<option>}), so that no realm admin can point the server at another vendor
 * or read its credentials; its {@code getConfigMetadata()} lists them.
 */
public interface EkycVerifierFactory extends ProviderFactory<EkycVerifier> {}
