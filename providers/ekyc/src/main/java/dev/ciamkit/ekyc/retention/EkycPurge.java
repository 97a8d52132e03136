package dev.ciamkit.ekyc.retention;

import dev.ciamkit.common.task.NodeRun;
import dev.ciamkit.ekyc.vault.jpa.EkycRecordEntity;
import dev.ciamkit.ekyc.vault.jpa.PurgeStore;
import dev.ciamkit.ekyc.vault.jpa.VaultStore;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.cluster.ExecutionResult;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The vault's retention purge, one node at a time (Keycloak's cluster lock {@value #LOCK}): for each realm with
 * records, it withdraws verified records whose credential is gone, deletes images past the realm's image period and
 * those of withdrawn records, and deletes records past their retention and validity; a removed realm's records all
 * go. Each realm in a transaction of its own. Logs counts only.
 */
public final class EkycPurge {

    static final String LOCK = "ciamkit-ekyc-purge";
    static final int BATCH = 1000;
    private static final Logger LOG = Logger.getLogger(EkycPurge.class);

    private final KeycloakSessionFactory factory;
    private final int lockSeconds;
    private final NodeRun node = new NodeRun();

    public EkycPurge(KeycloakSessionFactory factory, int lockSeconds) {
        this.factory = factory;
        this.lockSeconds = lockSeconds;
    }

    /** The scheduled run: skipped when this node or another is purging. Never throws. */
    public void runScheduled() {
        node.scheduled(() -> {
            try {
                locked(() -> {
                    List<String> realms = KeycloakModelUtils.runJobInTransactionWithResult(
                            factory, s -> new PurgeStore(VaultStore.of(s).em()).realmIds());
                    PurgeCounts total =
                            realms.stream().map(this::purgeRealm).reduce(PurgeCounts.NONE, PurgeCounts::plus);
                    KeycloakModelUtils.runJobInTransaction(
                            factory,
                            s -> new PurgeStore(VaultStore.of(s).em())
                                    .deleteAttemptsBefore(LocalDate.now(ZoneOffset.UTC)
                                            .minusDays(1)
                                            .toEpochDay()));
                    return total;
                });
            } catch (RuntimeException | LinkageError e) {
                LOG.warnf(
                        "CIAM Kit eKYC: the retention purge failed (%s); the next run tries again",
                        e.getClass().getName());
            }
            return 0;
        });
    }

    /**
     * One realm now (the admin endpoint): waits at most 10 s for this node's scheduled run; empty when that did not
     * end in time or another node holds the purge lock.
     */
    public Optional<PurgeCounts> runNow(String realmId) {
        PurgeCounts[] result = new PurgeCounts[1];
        node.now(() -> {
            locked(() -> purgeRealm(realmId)).ifPresent(c -> result[0] = c);
            return 0;
        });
        return Optional.ofNullable(result[0]);
    }

    private Optional<PurgeCounts> locked(java.util.concurrent.Callable<PurgeCounts> work) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            ExecutionResult<PurgeCounts> result =
                    session.getProvider(ClusterProvider.class).executeIfNotExecuted(LOCK, lockSeconds, work);
            return result.isExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
        });
    }

    private PurgeCounts purgeRealm(String realmId) {
        try {
            PurgeCounts counts = KeycloakModelUtils.runJobInTransactionWithResult(factory, s -> purge(s, realmId));
            if (counts.withdrawn() + counts.images() + counts.records() > 0) {
                LOG.infof(
                        "CIAM Kit eKYC: realm %s, %d records withdrawn, %d images and %d records deleted",
                        realmId, counts.withdrawn(), counts.images(), counts.records());
            }
            return counts;
        } catch (RuntimeException e) {
            LOG.warnf(
                    "CIAM Kit eKYC: the retention purge of realm %s failed (%s); the next run tries again",
                    realmId, e.getClass().getName());
            return PurgeCounts.NONE;
        }
    }

    static PurgeCounts purge(KeycloakSession session, String realmId) {
        VaultStore vault = VaultStore.of(session);
        PurgeStore store = new PurgeStore(vault.em());
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return new PurgeCounts(0, 0, store.deleteRealm(realmId));
        }
        long now = Time.currentTimeMillis();
        RetentionCutoffs cutoffs = RetentionCutoffs.at(now, RetentionPeriods.of(realm));
        List<EkycRecordEntity> gone = store.credentialGone(realmId, BATCH);
        gone.forEach(r -> vault.withdraw(r, now));
        vault.em().flush();
        int images = store.deleteImages(realmId, cutoffs.imagesBefore());
        int records = store.deleteRecords(realmId, cutoffs.recordsBefore(), now);
        return new PurgeCounts(gone.size(), images, records);
    }
}
