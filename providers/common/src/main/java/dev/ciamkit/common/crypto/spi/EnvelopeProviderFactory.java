package dev.ciamkit.common.crypto.spi;

import org.keycloak.provider.ProviderFactory;

/** Creates {@link EnvelopeProvider}s; registered in {@code META-INF/services}. */
public interface EnvelopeProviderFactory extends ProviderFactory<EnvelopeProvider> {}
