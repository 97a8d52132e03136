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
     * Delivers the messages in order, stopping at the first that fails, or earlier when the handler has done enough for
     * one call (a message that stands for many items, say).
     *
     * @return how many from the start of the list are delivered, why the next was not (safe to log: no payload), and
     *     what of the next is still to deliver when the handler delivered part of it
     */
    Result deliver(String realmId, String topic, List<OutboxMessage> messages);

    /**
     * @param delivered how many messages from the start of the list are delivered (and are deleted)
     * @param error why the next message was not delivered: it stays at the head of its stream and is retried with
     *     back-off. Null when nothing failed: a handler that stopped early without a failure gets the rest in the next
     *     batch at once
     * @param rest when the handler delivered part of the next message: that message's new payload, what is still to
     *     deliver (null: the next message stays as it is)
     * @param restOrderKey the next message's new order key with {@code rest} (it must stay below the key of the
     *     message after it, so the stream keeps its order)
     */
    record Result(int delivered, String error, String rest, long restOrderKey) {

        public Result(int delivered, String error) {
            this(delivered, error, null, 0);
        }
    }

    @Override
    default void close() {}
}
