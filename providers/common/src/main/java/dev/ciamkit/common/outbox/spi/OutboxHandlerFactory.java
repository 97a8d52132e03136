package dev.ciamkit.common.outbox.spi;

import org.keycloak.provider.ProviderFactory;

/** Its id is the topic (or topic prefix before {@code :}) its handler delivers. */
public interface OutboxHandlerFactory extends ProviderFactory<OutboxHandler> {}
