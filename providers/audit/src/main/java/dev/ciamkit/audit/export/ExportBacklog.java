package dev.ciamkit.audit.export;

import dev.ciamkit.audit.chain.ChainLinker;
import dev.ciamkit.audit.trail.AuditTrail;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The gauge {@code ciamkit_audit_export_backlog{sink}}: linked records not yet delivered to the sink, over all realms.
 * The outbox's own backlog counts messages, and an export message names a range of records; this counts the records:
 * per realm, from the first number still waiting for the sink to the realm's head. Every node keeps it current.
 */
public final class ExportBacklog {

    private static final Logger LOG = Logger.getLogger(ExportBacklog.class);

    private final KeycloakSessionFactory factory;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    public ExportBacklog(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    public void refresh() {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                EntityManager em = AuditTrail.em(session);
                Map<String, Long> heads = new HashMap<>();
                em.createQuery("select h.realmId, h.seq from AuditChainHeadEntity h", Object[].class)
                        .getResultList()
                        .forEach(row -> heads.put((String) row[0], ((Number) row[1]).longValue()));
                List<Object[]> waiting = em.createQuery(
                                "select m.realmId, m.topic, min(m.orderKey) from OutboxMessageEntity m"
                                        + " where m.topic like :topics or m.topic like :records"
                                        + " group by m.realmId, m.topic",
                                Object[].class)
                        .setParameter("topics", ChainLinker.TOPIC_PREFIX + "%")
                        .setParameter("records", ChainLinker.RECORD_TOPIC_PREFIX + "%")
                        .getResultList();
                // enabled sinks only: every record linked goes to each of them, so all from the first waiting to the
                // head wait for it (a sink switched off keeps what it had, and the head runs on without it)
                Map<String, Long> records = new HashMap<>();
                for (String sink : ChainLinker.enabledSinks(session)) {
                    records.put(sink, 0L);
                }
                Map<String, Long> first = new HashMap<>();
                for (Object[] row : waiting) {
                    String topic = (String) row[1];
                    String key = row[0] + " " + topic.substring(topic.indexOf(':') + 1);
                    first.merge(key, ((Number) row[2]).longValue(), Math::min);
                }
                first.forEach((key, from) -> {
                    String realmId = key.substring(0, key.indexOf(' '));
                    String sink = key.substring(key.indexOf(' ') + 1);
                    if (records.containsKey(sink)) {
                        long head = heads.getOrDefault(realmId, from - 1);
                        records.merge(sink, Math.max(0, head - from + 1), Long::sum);
                    }
                });
                records.forEach((sink, count) -> gauge(sink).set(count));
                gauges.forEach((sink, gauge) -> {
                    if (!records.containsKey(sink)) {
                        gauge.set(0);
                    }
                });
            });
        } catch (RuntimeException e) {
            // a gauge never stops the task that refreshes it
            LOG.warnf("CIAM Kit audit: the export backlog gauge was not refreshed (%s)", e.toString());
        }
    }

    private AtomicLong gauge(String sink) {
        return gauges.computeIfAbsent(sink, s -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("ciamkit.audit.export.backlog", value, AtomicLong::get)
                    .description("Linked audit records not yet delivered to the sink")
                    .tag("sink", s)
                    .register(Metrics.globalRegistry);
            return value;
        });
    }
}
