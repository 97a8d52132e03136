package dev.ciamkit.risk.report;

import dev.ciamkit.risk.engine.RiskAssessment;
import dev.ciamkit.risk.spi.RiskPhase;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Writes assessments for the admin report, each in a transaction of its own once the request's transaction has committed
 * (a denied or abandoned login too, whose request commits; a request that rolls back writes nothing), and a report that
 * cannot be written never fails a login: the failure is a warning, the login goes on.
 */
public final class RiskAssessmentLog {

    static final int MAX_REASONS = 1000;
    private static final Logger LOG = Logger.getLogger(RiskAssessmentLog.class);

    private RiskAssessmentLog() {}

    /**
     * Writes the assessment once the request's transaction has completed (never holding a second database connection
     * beside the login's), in a transaction of its own; a row that cannot be written is a warning, never a failed
     * login. A request that rolls back writes nothing.
     */
    public static void record(
            KeycloakSession session,
            String realmId,
            String userId,
            RiskPhase phase,
            String clientId,
            RiskAssessment assessment) {
        if (realmId == null || userId == null || assessment == null) {
            return;
        }
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                write(factory, realmId, userId, phase, clientId, assessment);
            }

            @Override
            protected void rollbackImpl() {}
        });
    }

    /** Writes the assessment at once, in a transaction of its own, for a request that will roll back. */
    public static void recordNow(
            KeycloakSession session,
            String realmId,
            String userId,
            RiskPhase phase,
            String clientId,
            RiskAssessment assessment) {
        write(session.getKeycloakSessionFactory(), realmId, userId, phase, clientId, assessment);
    }

    private static void write(
            KeycloakSessionFactory factory,
            String realmId,
            String userId,
            RiskPhase phase,
            String clientId,
            RiskAssessment assessment) {
        try {
            KeycloakModelUtils.runJobInTransaction(
                    factory, s -> insert(s, realmId, userId, phase, clientId, assessment));
        } catch (RuntimeException e) {
            // class name only: a driver's message may quote values
            LOG.warnf(
                    "CIAM Kit: a risk assessment could not be written to the report (%s); the login goes on",
                    e.getClass().getSimpleName());
        }
    }

    static void insert(
            KeycloakSession session,
            String realmId,
            String userId,
            RiskPhase phase,
            String clientId,
            RiskAssessment assessment) {
        EntityManager em = em(session);
        RiskAssessmentEntity row = new RiskAssessmentEntity();
        row.setId(KeycloakModelUtils.generateId());
        row.setRealmId(realmId);
        row.setUserId(userId);
        row.setAssessedAt(assessment.at().toEpochMilli());
        row.setPhase(phase.name());
        row.setLevel(assessment.level().name());
        row.setScore(assessment.score());
        row.setReasons(cut(assessment.reasons(), MAX_REASONS));
        row.setClientId(cut(clientId, 255));
        em.persist(row);
        em.flush();
        keepMostRecent(em, userId, RiskReportJpaEntityProviderFactory.settings().perUser());
    }

    /** Drops the user's rows older than the {@code keep}-th most recent. */
    static void keepMostRecent(EntityManager em, String userId, int keep) {
        List<Long> edge = em.createQuery(
                        "select a.assessedAt from RiskAssessmentEntity a where a.userId = :user"
                                + " order by a.assessedAt desc",
                        Long.class)
                .setParameter("user", userId)
                .setFirstResult(keep - 1)
                .setMaxResults(1)
                .getResultList();
        if (!edge.isEmpty()) {
            // strictly older than the oldest row kept: a tie at the edge stays (never the row just written)
            em.createQuery("delete from RiskAssessmentEntity a where a.userId = :user and a.assessedAt < :edge")
                    .setParameter("user", userId)
                    .setParameter("edge", edge.get(0))
                    .executeUpdate();
        }
    }

    static void removeUser(KeycloakSession session, String userId) {
        em(session)
                .createQuery("delete from RiskAssessmentEntity a where a.userId = :user")
                .setParameter("user", userId)
                .executeUpdate();
    }

    static void removeRealm(KeycloakSession session, String realmId) {
        em(session)
                .createQuery("delete from RiskAssessmentEntity a where a.realmId = :realm")
                .setParameter("realm", realmId)
                .executeUpdate();
    }

    /** Removes every row past the retention, in all realms. */
    static void purge(KeycloakSession session, RiskReportSettings bounds) {
        int removed = em(session)
                .createQuery("delete from RiskAssessmentEntity a where a.assessedAt < :before")
                .setParameter("before", Time.currentTimeMillis() - bounds.retentionMillis())
                .executeUpdate();
        if (removed > 0) {
            LOG.debugf(
                    "CIAM Kit: %d risk assessments past the retention of %d days purged",
                    removed, bounds.retentionDays());
        }
    }

    static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
