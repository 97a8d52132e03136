package dev.ciamkit.common.outbox;

import dev.ciamkit.common.outbox.spi.OutboxHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.cluster.ExecutionResult;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Delivers the outbox: each round, on whichever node takes Keycloak's cluster lock (one at a time; a node killed while
 * holding it delays delivery by at most the lock time), the oldest messages of every stream (realm and topic) whose
 * head is due go to the topic's handler in order. Delivered messages are deleted; the first that fails stays at the
 * head with its attempt count and the next attempt time (exponential back-off), so a stream is never reordered and
 * never skips. A handler that delivered part of a message (one naming many items) leaves what is left of it as the
 * message's new payload, so the part delivered is not delivered again. A node killed between delivering and deleting re-delivers on the next round: at least once.
 */
public final class OutboxWorker {

    static final String LOCK = "ciamkit-outbox-delivery";
    private static final Logger LOG = Logger.getLogger(OutboxWorker.class);

    private final KeycloakSessionFactory factory;
    private final OutboxSettings settings;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<String, AtomicLong> backlog = new ConcurrentHashMap<>();
    private final java.util.Set<String> failing = ConcurrentHashMap.newKeySet();
    /** Streams whose handler returned a rest that could not be used, warned about once. */
    private final java.util.Set<String> unusableRest = ConcurrentHashMap.newKeySet();

    public OutboxWorker(KeycloakSessionFactory factory, OutboxSettings settings) {
        this.factory = factory;
        this.settings = settings;
    }

    /** One round, unless this node is already running one or another node holds the lock. */
    public void runRound() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                // every node keeps its gauge current, whichever delivers
                refreshBacklog(Outbox.em(session));
                ExecutionResult<Integer> result = session.getProvider(ClusterProvider.class)
                        .executeIfNotExecuted(LOCK, settings.lockSeconds(), this::deliverDue);
                if (result.isExecuted()) {
                    LOG.tracef("CIAM Kit outbox: %d messages delivered", result.getResult());
                }
            });
        } catch (RuntimeException | LinkageError e) {
            // never out of the task: a throw would end its thread's schedule
            LOG.warnf(
                    "CIAM Kit outbox: a delivery round failed (%s); the next round retries",
                    e.getClass().getName());
        } finally {
            running.set(false);
        }
    }

    /** Delivers what is due, until nothing is or half the lock time has passed. */
    int deliverDue() {
        long deadline =
                System.nanoTime() + Duration.ofSeconds(settings.lockSeconds()).toNanos() / 2;
        int delivered = 0;
        List<Object[]> streams = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            return Outbox.em(session)
                    .createQuery(
                            "select distinct m.realmId, m.topic from OutboxMessageEntity m"
                                    + " where m.nextAttemptAt <= :now",
                            Object[].class)
                    .setParameter("now", Time.currentTimeMillis())
                    .getResultList();
        });
        for (Object[] stream : streams) {
            String realmId = (String) stream[0];
            String topic = (String) stream[1];
            while (System.nanoTime() < deadline) {
                int n = deliverBatch(realmId, topic);
                delivered += Math.max(n, 0);
                if (n <= 0) {
                    break;
                }
            }
        }
        return delivered;
    }

    /** @return how many were delivered; 0 when the head is not due or the stream is empty; -1 on a failure */
    private int deliverBatch(String realmId, String topic) {
        long now = Time.currentTimeMillis();
        // the head alone first: a stalled stream costs one row per round, not a batch
        boolean due = KeycloakModelUtils.runJobInTransactionWithResult(
                factory,
                session -> Outbox.em(session)
                        .createQuery(
                                "select m.nextAttemptAt from OutboxMessageEntity m where m.realmId = :realm"
                                        + " and m.topic = :topic order by m.orderKey, m.id",
                                Long.class)
                        .setParameter("realm", realmId)
                        .setParameter("topic", topic)
                        .setMaxResults(1)
                        .getResultStream()
                        .anyMatch(next -> next <= now));
        if (!due) {
            return 0;
        }
        List<OutboxMessage> batch = KeycloakModelUtils.runJobInTransactionWithResult(
                factory,
                session -> Outbox.em(session)
                        .createQuery(
                                "select m from OutboxMessageEntity m where m.realmId = :realm and m.topic = :topic"
                                        + " order by m.orderKey, m.id",
                                OutboxMessageEntity.class)
                        .setParameter("realm", realmId)
                        .setParameter("topic", topic)
                        .setMaxResults(settings.batch())
                        .getResultStream()
                        .map(OutboxMessage::of)
                        .toList());
        if (batch.isEmpty() || !isDue(batch.get(0), now)) {
            return 0;
        }
        OutboxHandler.Result result = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            String handlerId = topic.contains(":") ? topic.substring(0, topic.indexOf(':')) : topic;
            OutboxHandler handler = session.getProvider(OutboxHandler.class, handlerId);
            if (handler == null) {
                return new OutboxHandler.Result(0, "no handler '" + handlerId + "' on this node");
            }
            try {
                return handler.deliver(realmId, topic, batch);
            } catch (RuntimeException e) {
                return new OutboxHandler.Result(0, e.getClass().getName());
            }
        });
        int delivered = Math.max(0, Math.min(result.delivered(), batch.size()));
        List<String> done =
                batch.subList(0, delivered).stream().map(OutboxMessage::id).toList();
        OutboxMessage next = delivered < batch.size() ? batch.get(delivered) : null;
        // a handler that stopped without an error (it did enough for one call) has not failed
        OutboxMessage failed = next != null && result.error() != null ? next : null;
        String rest = next != null ? result.rest() : null;
        if (rest != null
                && (rest.length() > Outbox.MAX_PAYLOAD || next.payload() == null || rest.equals(next.payload()))) {
            // no progress a handler could mean: the message stays whole (and is retried with back-off if it failed)
            if (unusableRest.add(realmId + ' ' + topic)) {
                LOG.warnf(
                        "CIAM Kit outbox: the handler of %s returned an unusable rest; the message stays whole", topic);
            }
            rest = null;
        }
        String restPayload = rest;
        boolean moved = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            EntityManager em = Outbox.em(session);
            for (int from = 0; from < done.size(); from += 500) {
                em.createQuery("delete from OutboxMessageEntity m where m.id in :ids")
                        .setParameter("ids", done.subList(from, Math.min(done.size(), from + 500)))
                        .executeUpdate();
            }
            boolean forward = false;
            if (restPayload != null) {
                // part of the message went: what is left of it stays at the head of its stream, with a fresh count of
                // attempts (it made progress). Only if it is still what this node read: a node that delivered beside
                // this one after a lock lapse may have moved it further, and must not be set back.
                forward = em.createQuery(
                                        "update OutboxMessageEntity m set m.payload = :rest, m.orderKey = :key,"
                                                + " m.attempts = 0, m.nextAttemptAt = :now where m.id = :id and m.payload = :read")
                                .setParameter("rest", restPayload)
                                .setParameter("key", result.restOrderKey())
                                .setParameter("now", Time.currentTimeMillis())
                                .setParameter("id", next.id())
                                .setParameter("read", next.payload())
                                .executeUpdate()
                        == 1;
            }
            if (failed != null && (restPayload == null || forward)) {
                int attempts = (forward ? 0 : failed.attempts()) + 1;
                em.createQuery("update OutboxMessageEntity m set m.attempts = :attempts, m.nextAttemptAt = :next,"
                                + " m.lastError = :error where m.id = :id")
                        .setParameter("attempts", attempts)
                        .setParameter("next", Time.currentTimeMillis() + settings.backoffMillis(attempts))
                        .setParameter("error", cut(result.error() == null ? "not delivered" : result.error()))
                        .setParameter("id", failed.id())
                        .executeUpdate();
            }
            return forward;
        });
        long end = Time.currentTimeMillis();
        Timer lag = Timer.builder("ciamkit.outbox.delivery.lag")
                .description("Time from a message's write to its delivery")
                .tag("topic", topic)
                .register(Metrics.globalRegistry);
        for (OutboxMessage m : batch.subList(0, delivered)) {
            lag.record(Duration.ofMillis(Math.max(0, end - m.createdAt())));
        }
        if (failed != null) {
            Counter.builder("ciamkit.outbox.delivery.failures")
                    .description("Delivery attempts that failed (the message stays and is retried)")
                    .tag("topic", topic)
                    .register(Metrics.globalRegistry)
                    .increment();
            String key = realmId + ' ' + topic;
            if (failing.add(key)) {
                LOG.warnf(
                        "CIAM Kit outbox: delivery to %s stalls (%s); retried with back-off, nothing is dropped",
                        topic, result.error());
            }
            return -1;
        }
        if (failing.remove(realmId + ' ' + topic)) {
            LOG.infof("CIAM Kit outbox: delivery to %s resumed", topic);
        }
        // part of a message delivered is progress too: the stream's next batch follows at once
        return moved ? delivered + 1 : delivered;
    }

    private static boolean isDue(OutboxMessage head, long now) {
        return head.nextAttemptAt() <= now;
    }

    private void refreshBacklog(EntityManager em) {
        Map<String, Long> counts = new ConcurrentHashMap<>();
        em.createQuery("select m.topic, count(m) from OutboxMessageEntity m group by m.topic", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        backlog.forEach((topic, gauge) -> gauge.set(counts.getOrDefault(topic, 0L)));
        counts.forEach((topic, count) -> backlog.computeIfAbsent(topic, t -> {
                    AtomicLong value = new AtomicLong();
                    Gauge.builder("ciamkit.outbox.backlog", value, AtomicLong::get)
                            .description("Messages waiting for delivery")
                            .tag("topic", t)
                            .register(Metrics.globalRegistry);
                    return value;
                })
                .set(count));
    }

    private static String cut(String value) {
        return value.length() <= 255 ? value : value.substring(0, 255);
    }
}
