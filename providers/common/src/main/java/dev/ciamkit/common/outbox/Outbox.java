package dev.ciamkit.common.outbox;

import jakarta.persistence.EntityManager;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The persistent outbox: side effects that must not be lost are written here in the transaction of the work that
 * causes them, and delivered after commit by {@link OutboxWorker} (at least once, in order per realm and topic, one
 * node at a time, retried with exponential back-off). A rolled-back transaction leaves nothing to deliver. What loses
 * its worth when late (an SMS code) does not belong here.
 */
public final class Outbox {

    public static final int MAX_PAYLOAD = 4000;
    public static final int MAX_TOPIC = 64;

    private Outbox() {}

    /**
     * Adds a message in the session's transaction.
     *
     * @param topic {@code <handlerId>} or {@code <handlerId>:<detail>}: the handler factory's id picks the handler
     * @param orderKey delivery order within the realm and topic (ties by id): a producer that numbers its messages
     *     passes the number, others the time of writing
     * @param payload at most {@value #MAX_PAYLOAD} characters: larger content stays where it lives, the payload points
     *     to it
     */
    public static String enqueue(KeycloakSession session, String realmId, String topic, long orderKey, String payload) {
        if (realmId == null || topic == null || topic.isEmpty() || topic.length() > MAX_TOPIC) {
            throw new IllegalArgumentException(
                    "An outbox message needs a realm and a topic of 1-" + MAX_TOPIC + " chars");
        }
        if (payload != null && payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("An outbox payload holds at most " + MAX_PAYLOAD + " characters");
        }
        long now = Time.currentTimeMillis();
        OutboxMessageEntity row = new OutboxMessageEntity();
        row.setId(KeycloakModelUtils.generateId());
        row.setRealmId(realmId);
        row.setTopic(topic);
        row.setOrderKey(orderKey);
        row.setPayload(payload);
        row.setCreatedAt(now);
        row.setAttempts(0);
        row.setNextAttemptAt(now);
        em(session).persist(row);
        return row.getId();
    }

    static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
