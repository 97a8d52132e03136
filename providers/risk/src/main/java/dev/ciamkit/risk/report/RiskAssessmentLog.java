package dev.ciamkit.risk.report;

import dev.ciamkit.risk.engine.RiskAssessment;
import dev.ciamkit.risk.spi.RiskPhase;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Writes assessments for the admin report. Each write runs in a transaction of its own, so the report holds an
 * assessment whatever became of the login (a denied or abandoned one too), and a report that cannot be written never
 * fails a login: the failure is a warning, the login goes on.
 */
public final class RiskAssessmentLog {

    static final int MAX_REASONS = 1000;
    private static final Logger LOG = Logger.getLogger(RiskAssessmentLog.class);

    private RiskAssessmentLog() {}

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
        RiskReportSettings bounds = RiskReportJpaEntityProviderFactory.settings();
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
                EntityManager em = em(s);
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
                keepMostRecent(em, userId, bounds.perUser());
            });
        } catch (RuntimeException e) {
            // class name only: a driver's message may quote values
            LOG.warnf(
                    "CIAM Kit: a risk assessment could not be written to the report (%s); the login goes on",
                    e.getClass().getSimpleName());
        }
    }

    /** Drops the user's rows beyond the most recent {@code keep}. */
    static void keepMostRecent(EntityManager em, String userId, int keep) {
        List<Long> edge = em.createQuery(
                        "select a.assessedAt from RiskAssessmentEntity a where a.userId = :user"
                                + " order by a.assessedAt desc",
                        Long.class)
                .setParameter("user", userId)
                .setFirstResult(keep)
                .setMaxResults(1)
                .getResultList();
        if (!edge.isEmpty()) {
            em.createQuery("delete from RiskAssessmentEntity a where a.userId = :user and a.assessedAt <= :edge")
                    .setParameter("user", userId)
                    .setParameter("edge", edge.get(0))
                    .executeUpdate();
        }
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
