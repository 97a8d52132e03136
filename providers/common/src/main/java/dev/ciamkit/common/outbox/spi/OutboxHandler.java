package dev.ciamkit.common.outbox.spi;

import dev.ciamkit.common.outbox.OutboxMessage;
import java.util.List;
import org.keycloak.provider.Provider;

/**
 * Delivers the messages of the topics its factory's id names ({@code <id>} or {@code <id>:<anything>}). Called by the
 * outbox worker, one node at a time across the cluster, outside any request, with the oldest messages of one realm and
 * topic in order.
 */
public interface OutboxHandler extends Provider {

    /**
     * Delivers the messages in order, stopping at the first that fails.
     *
     * @return how many from the start of the list are delivered, and why the next was not (safe to log: no payload)
     */
    Result deliver(String realmId, String topic, List<OutboxMessage> messages);

    /** @param error null when all were delivered */
    record Result(int delivered, String error) {}

    @Override
    default void close() {}
}
