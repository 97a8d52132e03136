package dev.ciamkit.audit.listener;

import dev.ciamkit.audit.anomaly.AnomalyDetector;
import dev.ciamkit.audit.chain.ChainLinker;
import dev.ciamkit.audit.export.ExportBacklog;
import dev.ciamkit.audit.retention.RetentionPurge;
import dev.ciamkit.audit.retention.RetentionSettings;
import dev.ciamkit.common.task.AfterStartup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The audit trail's event listener {@value #ID}: global (every realm, whatever a realm admin enables: an admin cannot
 * switch off the record of what admins do) and the owner of the chain linker, which runs on each node every
 * {@code link-interval-millis} once the server is up (one node links at a time).
 */
public final class AuditEventListenerProviderFactory implements EventListenerProviderFactory {

    public static final String ID = "ciamkit-audit";
    private static final String TASK = "ciamkit-audit-linker";
    private static final String PURGE_TASK = "ciamkit-audit-purge";
    private static final Logger LOG = Logger.getLogger(AuditEventListenerProviderFactory.class);

    private static final String ANOMALY_TASK = "ciamkit-audit-anomaly";

    private static volatile ChainLinker linker;
    private static volatile AnomalyDetector anomalyDetector;
    private static volatile RetentionPurge purge;
    private AuditSettings settings = AuditSettings.DEFAULT;
    private RetentionSettings retention = RetentionSettings.DEFAULT;
    private final List<AfterStartup> tasks = new ArrayList<>();

    /** This node's linker (it runs once the server is up). */
    public static Optional<ChainLinker> linker() {
        return Optional.ofNullable(linker);
    }

    /** This node's anomaly detector (it runs once the server is up). */
    public static Optional<AnomalyDetector> anomalyDetector() {
        return Optional.ofNullable(anomalyDetector);
    }

    /** This node's retention purge (it runs once the server is up). */
    public static Optional<RetentionPurge> purge() {
        return Optional.ofNullable(purge);
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AuditEventListenerProvider(session, settings);
    }

    @Override
    public void init(Config.Scope config) {
        settings = AuditSettings.read(config);
        retention = RetentionSettings.read(config);
        if (retention.dayMillis() != RetentionSettings.DAY_MILLIS) {
            LOG.warnf(
                    "CIAM Kit audit: a retention day lasts %d ms instead of a day (%s is for tests only): records are"
                            + " purged long before their realm's retention",
                    retention.dayMillis(), RetentionSettings.DAY);
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        ChainLinker started = new ChainLinker(factory, settings.linkBatch(), settings.lockSeconds());
        linker = started;
        ExportBacklog backlog = new ExportBacklog(factory);
        tasks.add(AfterStartup.schedule(factory, TASK, settings.linkIntervalMillis(), () -> {
            started.linkScheduled();
            backlog.refresh();
        }));
        AnomalyDetector detector = new AnomalyDetector(factory, settings.linkBatch(), settings.lockSeconds());
        anomalyDetector = detector;
        tasks.add(
                AfterStartup.schedule(factory, ANOMALY_TASK, settings.anomalyIntervalMillis(), detector::runScheduled));
        RetentionPurge purging = new RetentionPurge(factory, started, retention, settings.lockSeconds());
        purge = purging;
        tasks.add(AfterStartup.schedule(factory, PURGE_TASK, retention.purgeIntervalMillis(), purging::purgeAll));
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(AuditSettings.FAIL_CLOSED)
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .helpText("true: a success record is written in the request's transaction and a failed write fails"
                        + " the request. false (default): a failed write is counted and alerted, the request goes on.")
                .defaultValue(false)
                .add()
                .property()
                .name(AuditSettings.LINK_INTERVAL)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Milliseconds between two runs of the chain linker on a node (100-3600000, default 1000).")
                .defaultValue(AuditSettings.DEFAULT.linkIntervalMillis())
                .add()
                .property()
                .name(AuditSettings.LINK_BATCH)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Records linked per transaction (1-10000, default 1000).")
                .defaultValue(AuditSettings.DEFAULT.linkBatch())
                .add()
                .property()
                .name(AuditSettings.LOCK)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Seconds a node may hold the linker's cluster lock (5-3600, default 60).")
                .defaultValue(AuditSettings.DEFAULT.lockSeconds())
                .add()
                .property()
                .name(AuditSettings.ANOMALY_INTERVAL)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Milliseconds between two runs of the anomaly rules on a node (100-3600000, default 5000).")
                .defaultValue(AuditSettings.DEFAULT.anomalyIntervalMillis())
                .add()
                .property()
                .name(RetentionSettings.PURGE_INTERVAL)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Milliseconds between two runs of the retention purge on a node (1000-86400000, default"
                        + " 3600000); one node purges at a time.")
                .defaultValue(RetentionSettings.DEFAULT.purgeIntervalMillis())
                .add()
                .property()
                .name(RetentionSettings.PURGE_BATCH)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Most records one purge run removes per realm (1-1000000, default 10000).")
                .defaultValue(RetentionSettings.DEFAULT.purgeBatch())
                .add()
                .property()
                .name(RetentionSettings.DAY)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("TESTS ONLY: the length of a retention day in milliseconds (default 86400000), so that a"
                        + " realm's retention passes in seconds. Logged as a warning when changed.")
                .defaultValue(RetentionSettings.DAY_MILLIS)
                .add()
                .build();
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void close() {
        tasks.forEach(AfterStartup::close);
        tasks.clear();
    }
}
