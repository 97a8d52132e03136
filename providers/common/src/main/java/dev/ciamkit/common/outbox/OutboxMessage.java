package dev.ciamkit.common.outbox;

/** A message as its handler sees it. */
public record OutboxMessage(
        String id,
        String realmId,
        String topic,
        long orderKey,
        String payload,
        long createdAt,
        int attempts,
        long nextAttemptAt) {

    static OutboxMessage of(OutboxMessageEntity e) {
        return new OutboxMessage(
                e.getId(),
                e.getRealmId(),
                e.getTopic(),
                e.getOrderKey(),
                e.getPayload(),
                e.getCreatedAt(),
                e.getAttempts(),
                e.getNextAttemptAt());
    }
}
